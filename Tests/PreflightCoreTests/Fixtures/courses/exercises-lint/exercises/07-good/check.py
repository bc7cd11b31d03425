import sys
from add import add
sys.exit(0 if add(2, 3) == 5 else 1)
