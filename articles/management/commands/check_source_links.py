from concurrent.futures import ThreadPoolExecutor

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.models import Article
from articles.publishing import article_refresh
from sources.linkcheck import link_check
from sources.models import Source
from sources.services import source_link_check_record
from sources.signals import source_status_changed


class Command(BaseCommand):
    help = (
        "Check every library source's URL over HTTP, with a timeout. A current source whose address does not "
        "answer is marked “link broken”, one that answers again is current again, and the articles citing a "
        "source whose status changed are rendered again. Run it daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10.0, help="Seconds to wait for each answer (10).")
        parser.add_argument("--workers", type=int, default=4, help="Addresses checked at once (4).")
        parser.add_argument("--source", type=int, action="append", dest="source_ids", help="Check only this source id.")

    def handle(self, *args, timeout, workers, source_ids, **options):
        if timeout <= 0 or workers < 1:
            raise CommandError("--timeout must be above 0 and --workers at least 1.")
        sources = Source.objects.exclude(url="").order_by("pk")
        if source_ids:
            sources = sources.filter(pk__in=source_ids)
        sources = list(sources)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            checks = list(pool.map(lambda s: link_check(s.url, timeout=timeout), sources))
        changed = []
        for source, check in zip(sources, checks):
            old_status = source_link_check_record(source=source, check=check, checked_at=timezone.now())
            verdict = "ok    " if check.ok else "BROKEN"
            self.stdout.write(f"{verdict} [{source.pk}] {check.result} {source.url}")
            if old_status is not None:
                changed.append((source, old_status))
        if changed:
            # Their status shows beside every citation: the pages are rendered again, without a new version.
            article_refresh(
                in_request=False,
                article_ids=Article.objects.filter(numbered_sources__source__in=[s for s, _ in changed])
                .values_list("pk", flat=True)
                .distinct(),
            )
            for source, old_status in changed:
                source.refresh_from_db()
                source_status_changed.send(sender=Source, source=source, old_status=old_status, editor=None)
        broken = sum(1 for c in checks if not c.ok)
        self.stdout.write(
            f"Checked {len(checks)} address{'es' if len(checks) != 1 else ''}: {len(checks) - broken} answered, "
            f"{broken} did not; {len(changed)} source status{'es' if len(changed) != 1 else ''} changed."
        )
