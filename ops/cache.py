"""A Redis cache that fails soft: while Redis is unreachable, pages are served uncached and rate-limit
counters live in this process's memory, with one warning a outage instead of a 500 a request."""

import logging
import threading
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

REDIS_ERRORS = (redis.exceptions.RedisError, OSError)
# After a failure, calls skip Redis for this long, so a dead or unreachable server costs one timeout
# every few seconds rather than one on every call of every request.
RETRY_AFTER_SECONDS = 5.0
# A remote cache should answer in well under this; waiting longer makes pages slower than uncached.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


class FailSoftRedisCache(RedisCache):
    """Django's Redis cache whose operations never raise because Redis is unreachable.

    During an outage, reads miss and `set` is dropped (pages are rebuilt, never cached locally, so no
    process keeps a copy a publish elsewhere cannot clear); counters (`add`, `incr`) continue in a
    per-process fallback, so rate limits still hold per process. Deletes that could not reach Redis are
    repeated once it answers again, so a page cached before the outage cannot outlive a change made
    during it.
    """

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._fallback = LocMemCache(f"fail-soft-{id(self)}", {"TIMEOUT": params.get("TIMEOUT", 300)})
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._in_outage = False
        self._lost_deletes = set()  # (key, version) pairs

    # --- the outage state machine ----------------------------------------------------------------

    def _redis(self, operation, *args, **kwargs):
        """Run a RedisCache operation; raise _Unavailable instead of a Redis error."""
        if time.monotonic() < self._down_until:
            raise _Unavailable
        try:
            result = getattr(super(), operation)(*args, **kwargs)
        except REDIS_ERRORS as error:
            self._went_down(error)
            raise _Unavailable from error
        if self._in_outage:
            self._came_back()
        return result

    def _went_down(self, error):
        with self._lock:
            self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            first = not self._in_outage
            self._in_outage = True
        if first:
            logger.warning(
                "Cache unavailable (%s: %s): serving pages uncached and limiting rates per process until it returns",
                type(error).__name__,
                error,
            )

    def _came_back(self):
        with self._lock:
            self._in_outage = False
            lost, self._lost_deletes = self._lost_deletes, set()
        try:
            for key, version in lost:
                super().delete(key, version=version)
        except REDIS_ERRORS as error:
            with self._lock:
                self._lost_deletes |= lost
            self._went_down(error)
            return
        logger.warning("Cache reachable again; %s delayed deletion(s) applied", len(lost))

    def ping(self):
        """True if Redis answers now; never raises. For the readiness check, so it skips the back-off."""
        try:
            super().has_key("ops:ping")
        except REDIS_ERRORS:
            return False
        return True

    # --- the cache API ---------------------------------------------------------------------------

    def get(self, key, default=None, version=None):
        try:
            return self._redis("get", key, default, version=version)
        except _Unavailable:
            return self._fallback.get(key, default, version=version)

    def get_many(self, keys, version=None):
        try:
            return self._redis("get_many", keys, version=version)
        except _Unavailable:
            return self._fallback.get_many(keys, version=version)

    def has_key(self, key, version=None):
        try:
            return self._redis("has_key", key, version=version)
        except _Unavailable:
            return self._fallback.has_key(key, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            self._redis("set", key, value, timeout=timeout, version=version)
        except _Unavailable:
            pass  # dropped: a local copy could outlive a change made on another instance

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._redis("set_many", data, timeout=timeout, version=version)
        except _Unavailable:
            return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._redis("touch", key, timeout=timeout, version=version)
        except _Unavailable:
            return self._fallback.touch(key, timeout=timeout, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._redis("add", key, value, timeout=timeout, version=version)
        except _Unavailable:
            return self._fallback.add(key, value, timeout=timeout, version=version)

    def incr(self, key, delta=1, version=None):
        try:
            return self._redis("incr", key, delta=delta, version=version)
        except _Unavailable:
            return self._fallback.incr(key, delta=delta, version=version)

    def delete(self, key, version=None):
        try:
            return self._redis("delete", key, version=version)
        except _Unavailable:
            with self._lock:
                self._lost_deletes.add((key, version))
            return self._fallback.delete(key, version=version)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        try:
            return self._redis("delete_many", keys, version=version)
        except _Unavailable:
            with self._lock:
                self._lost_deletes.update((key, version) for key in keys)
            return self._fallback.delete_many(keys, version=version)

    def clear(self):
        try:
            return self._redis("clear")
        except _Unavailable:
            return self._fallback.clear()


class _Unavailable(Exception):
    """Redis could not be reached, now or within the back-off after a failure."""
