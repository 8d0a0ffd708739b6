from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="session")
def vnu_jar():
    """The Nu HTML checker, installed by `make tools` (npm package vnu-jar; runs on Java)."""
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} is missing: run `make tools` (the test targets do)")
    return VNU_JAR
