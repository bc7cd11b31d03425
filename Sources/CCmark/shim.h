// The system libcmark (Debian: libcmark-dev, Homebrew: cmark). Only
// PreflightCore/Markdown/CommonMarkParser.swift may import this module.
#include <cmark.h>
