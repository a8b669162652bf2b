package io.shopops.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.shopops.platform.ShopSettings;
import io.shopops.platform.ShopSettings.ShopProfile;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Composes the daily digest of a day: GMV, paid orders, conversion, AOV, refund rate, ad
 * spend and ROI of the whole shop, each with its change against the day before and the
 * same day a week before, as the KPI page computes them.
 */
@Component
class DailyDigest {

	/** The KPIs of the digest, in their order. */
	static final List<String> FIELDS = List.of("gmv", "paidOrders", "conversion", "aov", "refundRate", "adSpend",
			"roi");

	private final KpiReports reports;

	private final MessageSource messages;

	private final ShopSettings settings;

	private final DigestProperties properties;

	DailyDigest(KpiReports reports, MessageSource messages, ShopSettings settings, DigestProperties properties) {
		this.reports = reports;
		this.messages = messages;
		this.settings = settings;
		this.properties = properties;
	}

	/**
	 * The digest of a day in a language.
	 */
	DigestMessage compose(LocalDate day, Locale locale) {
		KpiRow today = this.reports.totals(new KpiRange(day, day), null);
		KpiRow dayBefore = this.reports.totals(new KpiRange(day.minusDays(1), day.minusDays(1)), null);
		KpiRow weekBefore = this.reports.totals(new KpiRange(day.minusDays(7), day.minusDays(7)), null);
		return compose(day, today, dayBefore, weekBefore, locale);
	}

	DigestMessage compose(LocalDate day, KpiRow today, KpiRow dayBefore, KpiRow weekBefore, Locale locale) {
		ShopProfile shop = this.settings.current();
		String date = day.format(DateTimeFormatter.ISO_LOCAL_DATE);
		String title = this.messages.getMessage("digest.message.title", new Object[] { shop.shopName(), date }, locale);
		StringBuilder body = new StringBuilder();
		for (String field : FIELDS) {
			Object value = today.value(field);
			String shown = KpiFormat.value(field, value, locale);
			if (value != null && KpiRow.isMoney(field)) {
				shown = shop.currency().getSymbol(locale) + shown;
			}
			String label = this.messages.getMessage("kpi." + field, null, locale);
			String vsDay = KpiFormat.changeText(KpiFormat.change(value, dayBefore.value(field)), locale);
			String vsWeek = KpiFormat.changeText(KpiFormat.change(value, weekBefore.value(field)), locale);
			body.append(this.messages.getMessage("digest.message.line", new Object[] { label, shown, vsDay, vsWeek },
					locale))
				.append('\n');
		}
		if (!this.properties.baseUrl().isBlank()) {
			body.append('\n')
				.append(this.messages.getMessage("digest.message.link",
						new Object[] { this.properties.baseUrl() + "/dashboard?from=" + date + "&to=" + date }, locale))
				.append('\n');
		}
		return new DigestMessage(title, body.toString().strip());
	}

}
