from pathlib import Path

import pytest
from django.conf import settings

from core.tests.conftest import drenthe, groningen  # noqa: F401

REAL_DATA = Path(settings.MONITOR_DATA_DIR)
REAL_FIGURES = REAL_DATA / "cbs_kwb2021_armoede_groningen_drenthe.csv"
NO_REAL_DATA = (
    f"The open data is not beside this checkout ({REAL_DATA}, MONITOR_DATA_DIR): "
    "the check against the real CBS file needs it."
)


@pytest.fixture
def real_data() -> Path:
    if not REAL_FIGURES.is_file():
        pytest.skip(NO_REAL_DATA)
    return REAL_DATA
