package io.shopops.growth.segment;

import java.util.List;

import io.shopops.growth.coupon.CouponAudience;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Saved segments as an audience for unique coupon codes: the segment's members at the
 * moment of issuing.
 */
@Component
@Order(40)
class SegmentAudience implements CouponAudience {

	private final Segments segments;

	SegmentAudience(Segments segments) {
		this.segments = segments;
	}

	@Override
	public String key() {
		return "segment";
	}

	@Override
	public String labelKey() {
		return "coupon.audience.segment";
	}

	@Override
	public String helpKey() {
		return "coupon.audience.segment.help";
	}

	@Override
	public List<Choice> choices() {
		return this.segments.list()
			.stream()
			.map((segment) -> new Choice(String.valueOf(segment.id()), segment.name()))
			.toList();
	}

	@Override
	public Selection select(String value) {
		long id;
		try {
			id = Long.parseLong((value != null) ? value.strip() : "");
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("coupon.issue.value.unknown");
		}
		Segments.Summary segment = this.segments.find(id)
			.orElseThrow(() -> new IllegalArgumentException("coupon.issue.value.unknown"));
		return new Selection(this.segments.memberIds(id), List.of(), segment.name());
	}

}
