"""A rate limit on `dutyEstimate`, which anyone may call and which costs up to ~0.25 s of CPU
at its bound (the exact allowance search).

Every call counts (not only failures): a signed-in person by account, anyone else by network
(IPv4 /24, IPv6 /64). `DUTY_ESTIMATE_LIMIT` calls a minute, then none until the minute is over.
The counters are the sign-in limits' own (Redis when REDIS_URL is set, the database otherwise).
The PWA keeps showing its offline estimate while refused.
"""

from __future__ import annotations

from datetime import timedelta

from palm_customs.core.principal import Principal
from palm_customs.core.ratelimit import Policy, RateLimiter, network_of
from palm_customs.declarations.errors import DeclarationErrorCode, DeclarationProblem


class EstimateRateLimited(DeclarationProblem):
    rate_limited = True

    def __init__(self, retry_after_seconds: int) -> None:
        super().__init__(DeclarationErrorCode.TOO_MANY_ESTIMATES)
        self.retry_after_seconds = retry_after_seconds


def estimate_policy(per_minute: int) -> Policy:
    return Policy(
        window=timedelta(minutes=1),
        slow_after=per_minute,
        lock_after=per_minute,
        lock_for=timedelta(minutes=1),
    )


def estimate_key(principal: Principal, ip: str) -> str:
    if principal.account_id is not None:
        return f"estimate:account:{principal.account_id}"
    return f"estimate:net:{network_of(ip)}"


async def count_estimate(limiter: RateLimiter, key: str, *, per_minute: int) -> None:
    """Refuse while the key has used its minute's share; otherwise count this call."""
    wait = await limiter.retry_after(key)
    if wait > 0:
        raise EstimateRateLimited(wait)
    await limiter.failure(key, estimate_policy(per_minute))
