import pytest

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # between browser steps are still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    return browser.new_page(viewport={"width": 1000, "height": 800})


def fill_suggestion(page, *, category, change, sources, name, email, credit):
    """Fill the suggestion form as a reader would, attesting that it holds no PHI."""
    page.get_by_label(category).check()
    page.get_by_label("Your suggested change").fill(change)
    page.get_by_label("Supporting sources").fill(sources)
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your email").fill(email)
    page.get_by_label(credit).check()
    page.get_by_label("This suggestion contains no client-identifying").check()
    page.get_by_role("button", name="Submit revision").click()
    page.wait_for_url("**/suggestions/**")


def sign_in(page, live_server, user, next_path="/editors/queue/"):
    """Sign in through the login form and land on `next_path`."""
    from urllib.parse import quote

    page.goto(f"{live_server.url}/accounts/login/?next={quote(next_path)}")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("not-a-real-password-1")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{next_path.split('#')[0]}**")
