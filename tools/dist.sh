#!/bin/sh
# Builds the self-contained release binary and packs it with the README and the shipped course:
#   dist/preflight-<version>-linux-x86_64.tar.gz
# The Swift runtime is linked statically (--static-swift-stdlib), and so are libcmark and SQLite,
# from the static archives Debian's -dev packages ship: a pkg-config file of our own points the
# linker at a folder holding only those archives. Then the result is checked: `ldd` may list
# only what every Debian 12 system has, and the packed binary must lint and check the packed
# course from an empty folder with the Swift toolchain and both shared libraries out of reach.
set -eu
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
BUILD=.build-dist
ROOT=$(pwd)
VERSION=$(sed -n 's/.*version: "\([^"]*\)".*/\1/p' Sources/preflight/Preflight.swift)
NAME=preflight-$VERSION-linux-$(uname -m)

mkdir -p "$BUILD/static-libs" "$BUILD/pkgconfig" dist
for lib in libcmark:libcmark sqlite3:libsqlite3; do
    pc=${lib%%:*}; file=${lib#*:}
    dir=$(pkg-config --variable=libdir "$pc")
    [ -f "$dir/$file.a" ] || { echo "dist: $dir/$file.a is missing (install the -dev package)"; exit 1; }
    ln -sf "$dir/$file.a" "$BUILD/static-libs/$file.a"
done
cat > "$BUILD/pkgconfig/libcmark.pc" <<PC
Name: libcmark
Description: CommonMark, linked statically by make dist
Version: $(pkg-config --modversion libcmark)
Libs: -L$ROOT/$BUILD/static-libs -lcmark
Cflags: $(pkg-config --cflags libcmark)
PC
PKG_CONFIG_PATH="$ROOT/$BUILD/pkgconfig" "$SWIFT" build -c release --static-swift-stdlib --build-path "$BUILD" \
    -Xlinker -L"$ROOT/$BUILD/static-libs" --product preflight
BINARY=$BUILD/release/preflight

# Only the C and C++ runtime every Debian 12 system has.
unexpected=$(ldd "$BINARY" | awk '{print $1}' | grep -vE '^(linux-vdso\.so|/lib64/ld-linux|libc\.so|libm\.so|libstdc\+\+\.so|libgcc_s\.so)' || true)
if [ -n "$unexpected" ]; then
    echo "dist: the binary still needs: $unexpected"; exit 1
fi

STAGE=$BUILD/stage/$NAME
rm -rf "$BUILD/stage"
mkdir -p "$STAGE"
cp "$BINARY" "$STAGE/preflight"
strip "$STAGE/preflight"
cp README.md "$STAGE/"
cp -r lessons exercises "$STAGE/"
tar -C "$BUILD/stage" -czf "dist/$NAME.tar.gz" "$NAME"

# Unpack into an empty folder and use it with the toolchain and the shared libraries hidden.
TRY=$(mktemp -d)
trap 'rm -rf "$TRY"' EXIT
tar -C "$TRY" -xzf "dist/$NAME.tar.gz"
hide="--tmpfs /opt"
for lib in $(ls /usr/lib/x86_64-linux-gnu/libcmark.so* /usr/lib/x86_64-linux-gnu/libsqlite3.so* 2>/dev/null); do
    hide="$hide --ro-bind /dev/null $lib"
done
run() { bwrap --dev-bind / / $hide --tmpfs "$ROOT/.build" --chdir "$TRY/$NAME" -- ./preflight "$@"; }
run --version
run lint --course lessons
run check --course lessons --no-cache --state "$TRY/state.sqlite"
run exercise verify --course lessons --state "$TRY/state.sqlite"
run list --course lessons --state "$TRY/state.sqlite" > /dev/null
echo "dist/$NAME.tar.gz: $(du -h "dist/$NAME.tar.gz" | cut -f1), binary $(du -h "$STAGE/preflight" | cut -f1) stripped"
