"""Loaded as a pytest plugin (``-p tests.environment``) before Django's settings are read.

The suite needs no collected static files, sends e-mail to memory, and keeps its data folder apart
from the developer's ./data.
"""

import os
from pathlib import Path

os.environ.setdefault("NAOBER_STATIC_MANIFEST", "false")
os.environ.setdefault("NAOBER_EMAIL_URL", "memory:")
os.environ.setdefault("NAOBER_DATA_DIR", str(Path(__file__).resolve().parent.parent / "data" / "test"))
(Path(os.environ["NAOBER_DATA_DIR"]) / "static").mkdir(parents=True, exist_ok=True)
