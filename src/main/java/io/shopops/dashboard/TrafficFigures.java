package io.shopops.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Visitors and ad spend for the KPI page, implemented by the module that collects them
 * (growth's traffic and campaigns) as a bean; the dashboard uses the one bean there is.
 * Without one, UV, PV and ad spend are {@code null} in the KPIs, and so are the ratios
 * that divide by them (conversion, ROI): never a made-up number.
 * <p>
 * Days are local days in the shop's time zone, both ends included. The dashboard asks
 * once per day of a range and once for the whole range (at most 367 calls for a page of
 * 366 days), so an implementation should answer from its own daily rollups.
 */
public interface TrafficFigures {

	/**
	 * UV and PV as the KPI definitions say: the own site's distinct visitor ids with at
	 * least one page view over the days (distinct over the whole range), plus the
	 * imported daily figures of channels whose statistics are imported.
	 * @param from the first day, never {@code null}
	 * @param to the last day, never {@code null}, not before {@code from}
	 * @param channelCode a sales channel's code to limit the figures to, {@code null} for
	 * the whole shop
	 * @return the figures, empty when they are not known for these days
	 */
	Optional<Visits> visits(LocalDate from, LocalDate to, String channelCode);

	/**
	 * Paid campaigns' spend over the days (one source per campaign and day).
	 * @param from the first day, never {@code null}
	 * @param to the last day, never {@code null}, not before {@code from}
	 * @param channelCode a sales channel's code to limit the spend to, {@code null} for
	 * the whole shop
	 * @return the spend in the shop's currency, empty when it is not known
	 */
	Optional<BigDecimal> adSpend(LocalDate from, LocalDate to, String channelCode);

	/**
	 * The shop site's funnel over the days: distinct visitor ids with any collected
	 * event, with a product view, with an add to cart and with a checkout (each distinct
	 * over the whole range, for the whole shop).
	 * @param from the first day, never {@code null}
	 * @param to the last day, never {@code null}, not before {@code from}
	 * @return the funnel, empty when the events of these days are not known
	 */
	default Optional<Funnel> funnel(LocalDate from, LocalDate to) {
		return Optional.empty();
	}

	/**
	 * Distinct visitors at each step of the site's funnel.
	 *
	 * @param visitors visitors with any event
	 * @param productViewers visitors who viewed a product
	 * @param addedToCart visitors who added to the cart
	 * @param checkedOut visitors who checked out
	 */
	record Funnel(long visitors, long productViewers, long addedToCart, long checkedOut) {
	}

	/**
	 * {@link #visits} of each day of a range, for the KPI page's daily rows. The default
	 * asks once per day; an implementation should answer with one grouped query.
	 * @param from the first day, never {@code null}
	 * @param to the last day, never {@code null}, not before {@code from}
	 * @param channelCode a sales channel's code, {@code null} for the whole shop
	 * @return every day of the range, oldest first, with its figures or empty
	 */
	default Map<LocalDate, Optional<Visits>> dailyVisits(LocalDate from, LocalDate to, String channelCode) {
		Map<LocalDate, Optional<Visits>> days = new LinkedHashMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.put(day, visits(day, day, channelCode));
		}
		return days;
	}

	/**
	 * {@link #adSpend} of each day of a range, for the KPI page's daily rows. The default
	 * asks once per day; an implementation should answer with one grouped query.
	 * @param from the first day, never {@code null}
	 * @param to the last day, never {@code null}, not before {@code from}
	 * @param channelCode a sales channel's code, {@code null} for the whole shop
	 * @return every day of the range, oldest first, with its spend or empty
	 */
	default Map<LocalDate, Optional<BigDecimal>> dailyAdSpend(LocalDate from, LocalDate to, String channelCode) {
		Map<LocalDate, Optional<BigDecimal>> days = new LinkedHashMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.put(day, adSpend(day, day, channelCode));
		}
		return days;
	}

	/**
	 * Visitors and page views.
	 *
	 * @param uv distinct visitors, not negative
	 * @param pv page views ({@code page_view} and {@code product_view}), not negative
	 */
	record Visits(long uv, long pv) {
	}

}
