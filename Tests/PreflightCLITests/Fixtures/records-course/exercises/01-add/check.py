import sys
from add import add
ok = add(2, 3) == 5
print(("PASS" if ok else "FAIL") + "  add(2, 3) == 5")
sys.exit(0 if ok else 1)
