"""``python bench/run_all.py [--full] [--workers N]``: the same as ``python -m bench``."""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.__main__ import main

    sys.exit(main())
