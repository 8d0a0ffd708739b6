"""A reader sees and hits the suggest controls, on a desktop and on a phone, and markers stay by their sentences."""

import pytest

from articles.importing import article_import

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}

# For each sentence's marker: whether it starts on the line where the sentence's last word is.
MARKERS_ON_THEIR_LINE = """() => [...document.querySelectorAll('#article .unit')].map(unit => {
  const marker = unit.querySelector('.markers, .llm-tag');
  let before = marker.previousSibling;
  while (before && before.nodeType !== Node.TEXT_NODE) before = before.lastChild || before.previousSibling;
  const text = before.textContent.replace(/\\s+$/, '');
  const range = document.createRange();
  range.setStart(before, text.length - 1);
  range.setEnd(before, text.length);
  const word = range.getClientRects()[0], mark = marker.getClientRects()[0];
  return {id: unit.id, same: Math.abs(word.bottom - mark.bottom) < word.height * 0.9};
})"""


def test_with_a_mouse_every_sentence_has_a_visible_pencil_with_a_24_pixel_target(page, live_server, seed_article):
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    pencils = page.locator("#article a.suggest-link")
    units = page.locator("#article .unit")
    assert pencils.count() == units.count() > 80
    assert page.locator(".suggest-choices").first.is_hidden()
    checks = pencils.evaluate_all(
        """links => links.map(link => {
          link.scrollIntoView({block: 'center', behavior: 'instant'});
          const s = link.getBoundingClientRect(), cx = s.left + s.width / 2, cy = s.top + s.height / 2;
          const hits = [[-11, 0], [11, 0], [0, -11], [0, 11]].map(([dx, dy]) => {
            const hit = document.elementFromPoint(cx + dx, cy + dy);
            return hit === link ? "" : (hit ? hit.className || hit.tagName : "nothing") + "@" + dx + "," + dy;
          }).filter(Boolean);
          return {visible: getComputedStyle(link).opacity === '1' && getComputedStyle(link).visibility === 'visible',
                  hits};
        })"""
    )
    assert all(c["visible"] for c in checks)
    assert [c["hits"] for c in checks if c["hits"]] == []


def test_on_a_phone_one_control_per_block_opens_to_its_sentences(browser, live_server, seed_article):
    page = browser.new_context(**PHONE).new_page()
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    assert page.locator("#article a.suggest-link").first.is_hidden()
    controls = page.locator("#article .suggest-choices > summary")
    sentences = page.locator("#article .unit").count()
    assert 0 < controls.count() < sentences / 2  # one per block, not one per sentence
    sizes = controls.evaluate_all(
        "els => els.map(el => { const r = el.getBoundingClientRect(); return [r.width, r.height] })"
    )
    assert all(width >= 24 and height >= 24 for width, height in sizes)
    assert all(controls.nth(i).is_visible() for i in range(controls.count()))

    # Tapping a sentence opens its block's list at that sentence; tapping it there opens the form.
    sentence = page.locator("#article .unit", has_text="A central principle is that self-compassion")
    key = sentence.get_attribute("id")
    sentence.scroll_into_view_if_needed()
    box = sentence.evaluate("el => { const r = el.getClientRects()[0]; return [r.left + 20, r.top + r.height / 2] }")
    page.touchscreen.tap(*box)
    link = page.locator(f'.suggest-choices a[href="?suggest={key}#suggest"]')
    assert link.is_visible() and link.evaluate("el => el === document.activeElement")
    assert link.evaluate("el => el.getBoundingClientRect().height") >= 44
    link.tap()
    page.wait_for_url(f"**?suggest={key}#suggest")
    assert "A central principle is that self-compassion" in page.locator(".suggest__target blockquote").inner_text()


def test_on_a_phone_without_scripts_every_sentence_is_still_reachable(browser, live_server, seed_article):
    page = browser.new_context(**PHONE, java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    keys = page.locator("#article .unit").evaluate_all("els => els.map(el => el.id)")
    for summary in page.locator("#article .suggest-choices > summary").all():
        summary.click()
    reachable = page.locator("#article .suggest-choices a").evaluate_all(
        "links => links.filter(a => a.getBoundingClientRect().height >= 24).map(a => a.getAttribute('href'))"
    )
    assert sorted(reachable) == sorted(f"?suggest={key}#suggest" for key in keys)


@pytest.mark.parametrize("width", [320, 390, 1000])
def test_a_marker_never_wraps_away_from_its_sentence(browser, live_server, seed_article, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    placed = page.evaluate(MARKERS_ON_THEIR_LINE)
    assert len(placed) > 80
    assert [p["id"] for p in placed if not p["same"]] == []


def test_on_a_phone_a_tap_on_an_llm_tag_shows_what_it_means(browser, live_server, seed_article):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    tag = page.locator("#article .llm-tag").first
    tip = "el => getComputedStyle(el, '::after').content"
    assert tag.evaluate(tip) in ("none", "normal", "")
    tag.tap()
    assert "Model-written and unsourced" in tag.evaluate(tip)
    tabbable = page.evaluate("() => [...document.querySelectorAll('#article .llm-tag')].filter(t => t.tabIndex >= 0)")
    assert tabbable == []  # no tab stop per tag
    context.close()


# Each option of the LLM control: its box and the panel's, whether it starts a row, and its left border.
LLM_OPTIONS = """() => {
  // the panel's content box: an option may not hang into its padding
  const glance = document.querySelector('.glance'), css = getComputedStyle(glance);
  const box = glance.getBoundingClientRect();
  const column = {left: box.left + parseFloat(css.borderLeftWidth) + parseFloat(css.paddingLeft),
                  right: box.right - parseFloat(css.borderRightWidth) - parseFloat(css.paddingRight)};
  const labels = [...document.querySelectorAll('.llm-control label')];
  return labels.map((label, i) => {
    const r = label.getBoundingClientRect();
    const before = i ? labels[i - 1].getBoundingClientRect() : null;
    return {name: label.innerText.trim(), left: r.left, right: r.right, columnLeft: column.left,
            columnRight: column.right, startsRow: !before || r.top >= before.bottom - 1,
            border: parseFloat(getComputedStyle(label).borderLeftWidth)};
  });
}"""


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("width", [320, 375])
def test_the_llm_control_keeps_every_option_whole_inside_its_box(browser, live_server, seed_article, width, javascript):
    page = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript).new_page()
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    options = page.evaluate(LLM_OPTIONS)
    assert [o["name"] for o in options] == ["Show", "Highlight", "Hide"]
    for option in options:
        # An option that wraps onto a row of its own is still a whole box, inside the panel.
        assert option["columnLeft"] - 1 <= option["left"] and option["right"] <= option["columnRight"] + 1, option
        if option["startsRow"]:
            assert option["border"] >= 1, option


SIZES = """els => els.map(el => {
  const r = el.getBoundingClientRect();
  return [el.textContent.trim(), r.width, r.height];
})"""


def test_on_a_phone_each_cited_in_toggle_is_a_24_pixel_target(browser, live_server, seed_article):
    page = browser.new_context(**PHONE).new_page()
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    toggles = page.locator(".source-list .backlinks summary").evaluate_all(SIZES)
    assert len(toggles) == 7
    assert [t for t in toggles if t[1] < 24 or t[2] < 24] == []


def test_on_a_phone_each_version_in_the_history_is_a_24_pixel_target(browser, live_server, seed_data):
    article, _ = article_import(data=seed_data)
    seed_data["sections"][0]["blocks"][0]["units"][0]["text"] += " (reworded)"
    article_import(data=seed_data, revision={"summary": "Reworded the opening sentence."})
    page = browser.new_context(**PHONE).new_page()
    page.goto(f"{live_server.url}/articles/{article.slug}/history/")
    versions = page.locator(".history__table tbody th a").evaluate_all(SIZES)
    assert [v[0] for v in versions] == ["1.1", "1.0"]
    assert [v for v in versions if v[1] < 24 or v[2] < 24] == []


def test_on_a_phone_markers_side_by_side_stand_24_pixels_apart_centre_to_centre(browser, live_server, seed_article):
    page = browser.new_context(**PHONE).new_page()
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    gaps = page.locator("#article .cite + .cite").evaluate_all(
        """els => els.map(el => {
          const a = el.previousElementSibling.getBoundingClientRect(), b = el.getBoundingClientRect();
          return (b.left + b.width / 2) - (a.left + a.width / 2);
        })"""
    )
    assert gaps and min(gaps) >= 24  # the seed's key terms cite "2 7": two sources side by side


def test_switching_to_hide_on_the_page_says_how_many_sentences_are_hidden(page, live_server, seed_article):
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    note = page.locator(".llm-control__note")
    assert note.text_content() == ""
    page.get_by_label("Hide").check()
    tagged = page.locator("#article .unit .llm-tag").count()
    assert note.text_content() == f"{tagged} LLM-written sentences are hidden."
    assert "llm=hide" in page.url
    page.get_by_label("Show").check()
    assert note.text_content() == ""


def test_a_sentence_reached_by_its_link_has_the_lines_above_it_in_view(browser, live_server, seed_article):
    page = browser.new_context(**PHONE).new_page()
    page.emulate_media(reduced_motion="reduce")  # the jump, not a smooth scroll still under way
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    unit_id = page.locator("#article .unit").nth(40).get_attribute("id")
    page.evaluate("id => { location.hash = id }", unit_id)  # as following a link to it does
    page.wait_for_url(f"**#{unit_id}")
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", unit_id)
    assert 40 <= top <= 200  # the line before it shows above it, and it is near the top
