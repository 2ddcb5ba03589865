"""axe-core finds no serious or critical problem on the main kinds of page, in two languages."""

import pytest

PAGES = [
    "/",
    "/updates/open-mapping-hub-in-latam-december-2021-update/",
    "/tags/hub/",
    "/search/",
    "/es/",
    "/es/updates/hub-de-mapeo-abierto-en-latam-actualizacion-diciembre-2021/",
    "/es/tags/hub/",
    "/es/search/",
]


@pytest.mark.parametrize("url", PAGES)
def test_no_serious_accessibility_violation(page, url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(url)
    violations = Axe().run(page).response["violations"]
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious
    assert page.errors == []
