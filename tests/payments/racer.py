"""One process of the cross-process race: records a provider's success for one order at a
given instant and prints what happened (run by test_payments_across_processes.py)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from tortoise import Tortoise
from tortoise.exceptions import IntegrityError, OperationalError, TransactionManagementError
from tortoise.transactions import in_transaction

from palm_customs import registry
from palm_customs.core import audit
from palm_customs.core.db import tortoise_config
from palm_customs.payments import services
from palm_customs.payments.provider import TradeState, Transaction
from palm_customs.settings import load_settings


async def main(number: str, amount_fen: int, barrier: Path) -> str:
    settings = load_settings()
    registry.install()
    services.configure(settings)
    audit.configure(settings)
    assert settings.wechatpay is not None
    await Tortoise.init(config=tortoise_config(settings.database_url))
    try:
        # Ready (imports and connections done), then wait for the starting shot.
        (barrier / f"ready-{number}").touch()
        for _ in range(24_000):
            if (barrier / "go").exists():
                break
            await asyncio.sleep(0.005)
        try:
            async with in_transaction() as connection:
                return await services.apply_transaction(
                    connection,
                    Transaction(
                        order_number=number,
                        state=TradeState.SUCCESS,
                        amount_fen=amount_fen,
                        currency="CNY",
                        transaction_id=f"4200{number}",
                        merchant_id=settings.wechatpay.merchant_id,
                        app_id=settings.wechatpay.app_id,
                    ),
                    actor="provider:wechat",
                )
        except IntegrityError:
            return "integrity"
        except (OperationalError, TransactionManagementError):
            return "locked"
    finally:
        await Tortoise.close_connections()


if __name__ == "__main__":
    print(asyncio.run(main(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]))))
