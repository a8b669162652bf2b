package io.shopops.fulfilment.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of days of cover and reorder suggestions, from the units a SKU sold in
 * the last {@value #SALES_DAYS} days. "Sold" is the units shipped: the SHIPMENT movements
 * of the ledger over every warehouse in the last {@value #SALES_DAYS} × 24 hours. Goods
 * that left are sales whatever channel they came from; reserved but unshipped units
 * already lower the available stock, and counting them again would count them twice.
 */
final class StockCover {

	/** The days of sales the velocity is the average of. */
	static final int SALES_DAYS = 14;

	/** How many days of sales a reorder should cover beyond the supplier's lead time. */
	static final int TARGET_COVER_DAYS = 30;

	/**
	 * The margin of days on top of the lead time below which a SKU should be reordered.
	 */
	static final int BUFFER_DAYS = 7;

	private StockCover() {
	}

	/**
	 * The average units sold a day.
	 * @param sold the units sold in the last {@value #SALES_DAYS} days, zero or more
	 * @return the units a day, two decimals
	 */
	static BigDecimal dailySales(long sold) {
		return BigDecimal.valueOf(sold).divide(BigDecimal.valueOf(SALES_DAYS), 2, RoundingMode.HALF_UP);
	}

	/**
	 * How many whole days the available units last at the average daily sales.
	 * @param available the available units over every warehouse (may be negative only in
	 * theory; then 0)
	 * @param sold the units sold in the last {@value #SALES_DAYS} days
	 * @return the days, rounded down, or {@code null} when nothing was sold
	 */
	static Integer daysOfCover(long available, long sold) {
		if (sold <= 0) {
			return null;
		}
		return (int) Math.min(Integer.MAX_VALUE, Math.max(0, available) * SALES_DAYS / sold);
	}

	/**
	 * Whether a SKU should be reordered: it is at or below its safety stock, or its days
	 * of cover are fewer than the supplier's lead time plus {@value #BUFFER_DAYS} days.
	 * @param available the available units over every warehouse
	 * @param safetyStock the SKU's safety stock, or {@code null} if it has none
	 * @param sold the units sold in the last {@value #SALES_DAYS} days
	 * @param leadTimeDays the supplier's lead time, 0 without a supplier
	 */
	static boolean needsReorder(long available, Integer safetyStock, long sold, int leadTimeDays) {
		if (safetyStock != null && available <= safetyStock) {
			return true;
		}
		Integer cover = daysOfCover(available, sold);
		return cover != null && cover < leadTimeDays + BUFFER_DAYS;
	}

	/**
	 * The units to order: enough for the safety stock plus the sales of the lead time and
	 * {@value #TARGET_COVER_DAYS} more days, minus what is available and what open
	 * purchase orders will still bring.
	 * @param available the available units over every warehouse
	 * @param safetyStock the SKU's safety stock, or {@code null} (0)
	 * @param sold the units sold in the last {@value #SALES_DAYS} days
	 * @param leadTimeDays the supplier's lead time, 0 without a supplier
	 * @param onOrder the units outstanding on draft and open purchase orders
	 * @return the units, zero when nothing needs ordering
	 */
	static int suggestedQuantity(long available, Integer safetyStock, long sold, int leadTimeDays, long onOrder) {
		long days = (long) leadTimeDays + TARGET_COVER_DAYS;
		long demand = (sold * days + SALES_DAYS - 1) / SALES_DAYS;
		long target = ((safetyStock != null) ? safetyStock : 0) + demand;
		long quantity = target - available - onOrder;
		return (int) Math.max(0, Math.min(quantity, 1_000_000));
	}

}
