package io.shopops.growth.coupon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.growth.crm.CustomerBook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The audiences coupons come with, all read from CRM's {@link CustomerBook}: a pasted
 * list of customer ids, e-mails or phones; a tier; a tag.
 */
@Configuration(proxyBeanMethods = false)
class CustomerAudiences {

	/** The most references a pasted list may hold. */
	static final int MAX_LIST = 5_000;

	@Bean
	@Order(10)
	CouponAudience listAudience(CustomerBook customers) {
		return new CouponAudience() {

			@Override
			public String key() {
				return "list";
			}

			@Override
			public String labelKey() {
				return "coupon.audience.list";
			}

			@Override
			public String helpKey() {
				return "coupon.audience.list.help";
			}

			@Override
			public boolean typed() {
				return true;
			}

			@Override
			public Selection select(String value) {
				List<String> references = (value == null) ? List.of()
						: Arrays.stream(value.split("[,，;；\\s]+")).filter((r) -> !r.isBlank()).distinct().toList();
				if (references.isEmpty()) {
					throw new IllegalArgumentException("coupon.issue.value.required");
				}
				if (references.size() > MAX_LIST) {
					throw new IllegalArgumentException("coupon.issue.list.size");
				}
				List<Long> ids = new ArrayList<>();
				List<String> unmatched = new ArrayList<>();
				for (String reference : references) {
					Optional<Long> id = customers.find(reference);
					id.ifPresentOrElse(ids::add, () -> unmatched.add(reference));
				}
				return new Selection(ids, unmatched,
						references.size() + " × "
								+ String.join(", ", references.subList(0, Math.min(3, references.size())))
								+ ((references.size() > 3) ? ", …" : ""));
			}

		};
	}

	@Bean
	@Order(20)
	CouponAudience tierAudience(CustomerBook customers) {
		return new CouponAudience() {

			@Override
			public String key() {
				return "tier";
			}

			@Override
			public String labelKey() {
				return "coupon.audience.tier";
			}

			@Override
			public String helpKey() {
				return "coupon.audience.tier.help";
			}

			@Override
			public List<Choice> choices() {
				return customers.tierNames()
					.entrySet()
					.stream()
					.map((e) -> new Choice(e.getKey(), e.getValue()))
					.toList();
			}

			@Override
			public Selection select(String value) {
				Map<String, String> tiers = customers.tierNames();
				if (value == null || !tiers.containsKey(value)) {
					throw new IllegalArgumentException("coupon.issue.value.unknown");
				}
				return new Selection(customers.idsInTier(value), List.of(), tiers.get(value));
			}

		};
	}

	@Bean
	@Order(30)
	CouponAudience tagAudience(CustomerBook customers) {
		return new CouponAudience() {

			@Override
			public String key() {
				return "tag";
			}

			@Override
			public String labelKey() {
				return "coupon.audience.tag";
			}

			@Override
			public String helpKey() {
				return "coupon.audience.tag.help";
			}

			@Override
			public List<Choice> choices() {
				return customers.tags().stream().map((t) -> new Choice(t, t)).toList();
			}

			@Override
			public Selection select(String value) {
				if (value == null || !customers.tags().contains(value)) {
					throw new IllegalArgumentException("coupon.issue.value.unknown");
				}
				return new Selection(customers.idsTagged(value), List.of(), "#" + value);
			}

		};
	}

}
