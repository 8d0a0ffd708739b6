"""Known video hosts: the player address for a video's page, so a page can offer to play it in place.

The player is only ever loaded after the reader asks (static/js/video.js), so no third party hears of a page
view. Pure functions, no database.
"""

import re
from urllib.parse import parse_qs, quote_plus, urlsplit

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"}
YOUTUBE_HOSTS |= {"www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
# The hosts a page may frame once a reader asks; a Content-Security-Policy needs them in frame-src.
PLAYER_ORIGINS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")


def video_embed(url):
    """(host name, player URL) for a YouTube or Vimeo video page, or ("", "") for anything else.

    YouTube plays from youtube-nocookie.com, which sets no cookies until the video is played.
    """
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return "", ""
    if parts.scheme not in ("http", "https"):
        return "", ""
    host = (parts.hostname or "").lower()
    segments = [s for s in parts.path.split("/") if s]
    if host in YOUTUBE_HOSTS or host == "youtu.be":
        video_id = ""
        if host == "youtu.be" and segments:
            video_id = segments[0]
        elif segments[:1] == ["watch"]:
            video_id = (parse_qs(parts.query).get("v") or [""])[0]
        elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live", "v"):
            video_id = segments[1]
        if YOUTUBE_ID.fullmatch(video_id):
            return "YouTube", f"https://www.youtube-nocookie.com/embed/{video_id}"
        return "", ""
    if host in VIMEO_HOSTS:
        numbers = [s for s in segments if s.isascii() and s.isdigit()]  # not "²" or "١٢"
        if numbers and 0 < len(numbers[0]) <= 12:
            return "Vimeo", f"https://player.vimeo.com/video/{numbers[0]}"
    return "", ""


def video_search(title, container):
    """(host name, search URL) on the video host named in `container`, for a video whose address is not
    recorded; ("", "") when no known host is named. A search, never a guessed address."""
    where = (container or "").casefold()
    if "youtube" in where:
        return "YouTube", f"https://www.youtube.com/results?search_query={quote_plus(title)}"
    if "vimeo" in where:
        return "Vimeo", f"https://vimeo.com/search?q={quote_plus(title)}"
    return "", ""
