import { formatMoney } from '../../i18n/format';

/** An amount in fen, in the reader's language ("¥780.00"). */
export const money = (amountFen: number) => formatMoney(amountFen / 100, 'CNY');
