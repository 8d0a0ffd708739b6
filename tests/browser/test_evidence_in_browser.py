"""Evidence in a browser: a retraction marks every citing sentence, a tier rule stops a draft, back-links step
through citing sentences, and a video player loads only when the reader asks."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from sources.models import Source
from tests.factories import make_article, make_article_data, make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "not-a-real-password-1"


def _sign_in(page, live_server, user, path="/accounts/login/", button="Sign in"):
    page.goto(f"{live_server.url}{path}")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def _citing(page, number):
    """The page's sentence elements whose provenance names source `number`."""
    return page.locator(f'.unit[data-provenance~="{number}"]')


def test_retracting_a_source_in_the_admin_flags_every_citing_sentence_and_queues_the_article(
    browser, live_server, seed_article, django_user_model
):
    admin = django_user_model.objects.create_superuser("admin-kim", "kim@example.org", PASSWORD)
    wikipedia = Source.objects.get(title="Self-compassion")
    desk = browser.new_page()
    _sign_in(desk, live_server, admin, "/admin/login/", "Log in")
    desk.goto(f"{live_server.url}/admin/sources/source/{wikipedia.pk}/change/")
    desk.select_option("#id_status", "retracted")
    desk.fill("#id_retracted_on", "2026-01-05")
    desk.fill("#id_retraction_notice", "https://example.org/synthetic-retraction-notice")
    desk.locator('input[name="_save"]').click()
    desk.wait_for_url("**/admin/sources/source/")
    assert "got a new version" in desk.content()

    reader = browser.new_page()
    reader.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    citing = _citing(reader, 7).count()
    assert citing == 36
    flagged = reader.locator('.unit[data-source-status~="retracted"]')
    assert flagged.count() == citing
    assert reader.locator('.unit[data-provenance~="7"] .source-flag--retracted').count() == citing
    assert reader.locator(".source-flag").count() == citing  # no other sentence is marked
    assert flagged.first.locator(".source-flag").inner_text() == "cites a retracted source"
    assert "A source this article cites no longer stands." in reader.locator(".evidence-notice").inner_text()
    assert "Version 1.1" in reader.locator(".article-version").inner_text()
    # On paper the marks and the notice stay.
    reader.emulate_media(media="print")
    assert flagged.first.locator(".source-flag").is_visible()
    assert reader.locator(".evidence-notice").is_visible()

    editor = make_editor()
    queue = browser.new_page()
    _sign_in(queue, live_server, editor)
    queue.goto(f"{live_server.url}/editors/queue/")
    item = queue.locator("section.queue__alerts tbody tr")
    assert item.count() == 1
    assert "Self-Compassion" in item.inner_text() and "36:" in item.inner_text()
    item.get_by_role("link", name="Source retracted").click()
    assert queue.locator("ol.alert__sentences li").count() == 36


def test_a_draft_that_breaks_a_tier_rule_cannot_be_published(browser, live_server, seed_article):
    editor = make_editor()
    page = browser.new_page()
    _sign_in(page, live_server, editor)
    page.goto(f"{live_server.url}/editors/evidence/rules/")
    page.get_by_label("Section heading").fill("Evidence Base")
    page.get_by_label("Weakest tier accepted").select_option("T2")
    page.get_by_role("button", name="Add the rule").click()
    expect(page.locator("body")).to_contain_text("Rule added")
    assert "Self-Compassion › Evidence Base" in page.locator("table").inner_text()

    page.goto(f"{live_server.url}/editors/queue/")
    page.get_by_role("button", name="Start a draft").click()  # the queue's own-draft form posts straight away
    page.wait_for_url("**/editors/drafts/**")
    working = page.get_by_role("textbox", name="Working copy")
    working.fill(working.input_value().replace("a distinct target [LLM].", "a distinct target [7]."))
    page.get_by_label("What changes, in a line").fill("A synthetic change.")
    page.get_by_role("button", name="Save draft").click()
    breaches = page.locator("section.draft__breaches li")
    assert breaches.count() == 4
    assert "rule “Evidence Base”" in breaches.first.inner_text()
    assert page.get_by_role("button", name="Publish as version 1.1").count() == 0
    assert "break the editors' tier rules" in page.locator("section.actions").inner_text()
    assert Article.objects.get(pk=seed_article.pk).version == "1.0"


def test_a_reader_steps_through_the_sentences_citing_a_source(page, live_server, seed_article):
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    keys = page.locator("#source-5 .backlinks__list a").evaluate_all("links => links.map(a => a.hash.slice(1))")
    assert len(keys) == 8
    page.locator("#source-5").get_by_role("button", name="Step through them").click()
    stepper = page.locator(".backlink-stepper")
    assert stepper.is_visible() and "sentence 1 of 8" in stepper.inner_text()
    assert page.url.endswith(f"#{keys[0]}")
    stepper.get_by_role("button", name="Next").click()
    assert page.url.endswith(f"#{keys[1]}") and "sentence 2 of 8" in stepper.inner_text()
    assert "is-stepped" in page.locator(f"#{keys[1]}").get_attribute("class")
    stepper.get_by_role("button", name="Previous").click()
    assert page.url.endswith(f"#{keys[0]}")
    assert stepper.get_by_role("button", name="Previous").is_disabled()
    stepper.get_by_role("link", name="Back to the source").click()
    page.wait_for_url("**#source-5")
    assert stepper.is_hidden()

    # Following a citation, then stepping, continues after the sentence the reader came from.
    page.locator(f"#{keys[2]} a.cite").first.click()
    page.locator("#source-5").get_by_role("button", name="Step through them").click()
    assert page.url.endswith(f"#{keys[3]}")


def test_a_keyboard_user_steps_through_the_citing_sentences_without_losing_focus(page, live_server, seed_article):
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    in_stepper = "() => !!document.activeElement.closest('.backlink-stepper')"
    opener = page.locator("#source-5").get_by_role("button", name="Step through them")
    opener.focus()
    page.keyboard.press("Enter")
    stepper = page.locator(".backlink-stepper")
    assert "sentence 1 of 8" in stepper.inner_text()
    # The keys reach the stepper at once, not the rest of the source list first.
    assert page.evaluate(in_stepper)
    assert page.evaluate("() => document.activeElement.textContent") == "Next"
    for _ in range(9):  # one more than it takes to reach the last sentence
        page.keyboard.press("Enter")
    assert "sentence 8 of 8" in stepper.inner_text()
    assert page.evaluate(in_stepper)  # still on the stepper at the last sentence, not thrown back to the page's top
    page.keyboard.press("Escape")
    assert stepper.is_hidden()
    assert opener.evaluate("el => el === document.activeElement")  # back where the reader started


def test_back_links_work_without_javascript(browser, live_server, seed_article):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}{seed_article.get_absolute_url()}")
    entry = page.locator("#source-5")
    entry.get_by_text("Cited in 8 sentences").click()
    entry.locator(".backlinks__list a").nth(2).click()
    target = page.url.split("#", 1)[1]
    assert page.locator(f"#{target}").evaluate("el => el.matches(':target')")
    assert "5" in page.locator(f"#{target}").get_attribute("data-provenance").split()


def test_a_video_player_loads_only_after_the_reader_asks(browser, live_server):
    data = make_article_data()
    data["sources"][2].update(url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", title="A synthetic lecture")
    article = make_article(**{k: v for k, v in data.items() if k != "slug"}, slug=data["slug"])
    page = browser.new_page()
    elsewhere = []

    def keep_it_local(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", keep_it_local)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.wait_for_load_state("networkidle")
    assert elsewhere == []
    assert page.locator("iframe").count() == 0
    page.get_by_role("button", name="Play the video here").click()
    frame = page.locator("iframe.video-embed__frame")
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert frame.get_attribute("title") == "A synthetic lecture"
    page.wait_for_timeout(200)
    assert all(url.startswith("https://www.youtube-nocookie.com/") for url in elsewhere) and elsewhere
