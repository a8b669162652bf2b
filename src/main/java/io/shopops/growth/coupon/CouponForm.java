package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * A coupon as the new and edit forms send it. The dates are whole days in the shop's time
 * zone, both inclusive. What each type needs is checked by {@link #check(Errors)};
 * product handles and categories by {@link Coupons}.
 */
class CouponForm {

	@NotBlank(message = "{coupon.form.name.required}")
	@Size(max = 120, message = "{coupon.form.name.size}")
	private String name;

	@NotNull(message = "{coupon.form.type.required}")
	private CouponTerms.Type type = CouponTerms.Type.SPEND_SAVE;

	@DecimalMin(value = "0.01", message = "{coupon.form.amount.range}")
	@DecimalMax(value = "9999999999.99", message = "{coupon.form.amount.range}")
	@Digits(integer = 10, fraction = 2, message = "{coupon.form.amount.range}")
	private BigDecimal threshold;

	@DecimalMin(value = "0.01", message = "{coupon.form.amount.range}")
	@DecimalMax(value = "9999999999.99", message = "{coupon.form.amount.range}")
	@Digits(integer = 10, fraction = 2, message = "{coupon.form.amount.range}")
	private BigDecimal amount;

	@DecimalMin(value = "0.01", message = "{coupon.form.percentOff.range}")
	@DecimalMax(value = "99.99", message = "{coupon.form.percentOff.range}")
	@Digits(integer = 2, fraction = 2, message = "{coupon.form.percentOff.range}")
	private BigDecimal percentOff;

	@DecimalMin(value = "0.01", message = "{coupon.form.amount.range}")
	@DecimalMax(value = "9999999999.99", message = "{coupon.form.amount.range}")
	@Digits(integer = 10, fraction = 2, message = "{coupon.form.amount.range}")
	private BigDecimal cap;

	@NotNull(message = "{coupon.form.validFrom.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd")
	private LocalDate validFrom;

	@NotNull(message = "{coupon.form.validUntil.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd")
	private LocalDate validUntil;

	@Min(value = 1, message = "{coupon.form.limit.range}")
	@Max(value = 10_000_000, message = "{coupon.form.limit.range}")
	private Integer totalLimit;

	@Min(value = 1, message = "{coupon.form.limit.range}")
	@Max(value = 10_000, message = "{coupon.form.limit.range}")
	private Integer perCustomerLimit = 1;

	@NotNull(message = "{coupon.form.scope.required}")
	private Coupon.Scope scope = Coupon.Scope.ALL;

	@Size(max = 4000, message = "{coupon.form.products.size}")
	private String productHandles;

	@Size(max = 200, message = "{coupon.form.categories.size}")
	private List<Long> categoryIds = new ArrayList<>();

	@NotNull(message = "{coupon.form.stacking.required}")
	private Coupon.Stacking stacking = Coupon.Stacking.STACKABLE;

	@NotNull(message = "{coupon.form.refundRule.required}")
	private Coupon.RefundRule refundRule = Coupon.RefundRule.FULL_REFUND;

	private long version;

	@AssertTrue(message = "{coupon.form.validUntil.beforeStart}")
	public boolean isValidUntilAfterStart() {
		return this.validFrom == null || this.validUntil == null || !this.validUntil.isBefore(this.validFrom);
	}

	@AssertTrue(message = "{coupon.form.dates.range}")
	public boolean isDatesInRange() {
		return (this.validFrom == null || (this.validFrom.getYear() >= 2000 && this.validFrom.getYear() <= 2100))
				&& (this.validUntil == null
						|| (this.validUntil.getYear() >= 2000 && this.validUntil.getYear() <= 2100));
	}

	/**
	 * Checks what the type needs: 满减 a threshold and an amount no larger; 折扣 a
	 * percentage; 无门槛 an amount and no threshold. Values a type does not use are cleared.
	 * @param errors where to report
	 */
	void check(Errors errors) {
		if (this.type == null) {
			return;
		}
		switch (this.type) {
			case SPEND_SAVE -> {
				if (this.threshold == null) {
					errors.rejectValue("threshold", "coupon.form.threshold.required");
				}
				if (this.amount == null) {
					errors.rejectValue("amount", "coupon.form.amount.required");
				}
				else if (this.threshold != null && this.amount.compareTo(this.threshold) > 0) {
					errors.rejectValue("amount", "coupon.form.amount.aboveThreshold");
				}
				this.percentOff = null;
				this.cap = null;
			}
			case PERCENT -> {
				if (this.percentOff == null) {
					errors.rejectValue("percentOff", "coupon.form.percentOff.required");
				}
				this.amount = null;
			}
			case NO_THRESHOLD -> {
				if (this.amount == null) {
					errors.rejectValue("amount", "coupon.form.amount.required");
				}
				if (this.threshold != null) {
					errors.rejectValue("threshold", "coupon.form.threshold.none");
				}
				this.percentOff = null;
				this.cap = null;
			}
		}
		if (this.scope == Coupon.Scope.PRODUCTS && handles().isEmpty()) {
			errors.rejectValue("productHandles", "coupon.form.products.required");
		}
		if (this.scope == Coupon.Scope.CATEGORIES && (this.categoryIds == null || this.categoryIds.isEmpty())) {
			errors.rejectValue("categoryIds", "coupon.form.categories.required");
		}
	}

	/**
	 * The product handles typed, one per line or separated by commas.
	 * @return the handles, without blanks and duplicates
	 */
	List<String> handles() {
		if (this.productHandles == null) {
			return List.of();
		}
		return java.util.Arrays.stream(this.productHandles.split("[,，\\s]+"))
			.map(String::strip)
			.filter((h) -> !h.isEmpty())
			.distinct()
			.toList();
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public CouponTerms.Type getType() {
		return this.type;
	}

	public void setType(CouponTerms.Type type) {
		this.type = type;
	}

	public BigDecimal getThreshold() {
		return this.threshold;
	}

	public void setThreshold(BigDecimal threshold) {
		this.threshold = threshold;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public BigDecimal getPercentOff() {
		return this.percentOff;
	}

	public void setPercentOff(BigDecimal percentOff) {
		this.percentOff = percentOff;
	}

	public BigDecimal getCap() {
		return this.cap;
	}

	public void setCap(BigDecimal cap) {
		this.cap = cap;
	}

	public LocalDate getValidFrom() {
		return this.validFrom;
	}

	public void setValidFrom(LocalDate validFrom) {
		this.validFrom = validFrom;
	}

	public LocalDate getValidUntil() {
		return this.validUntil;
	}

	public void setValidUntil(LocalDate validUntil) {
		this.validUntil = validUntil;
	}

	public Integer getTotalLimit() {
		return this.totalLimit;
	}

	public void setTotalLimit(Integer totalLimit) {
		this.totalLimit = totalLimit;
	}

	public Integer getPerCustomerLimit() {
		return this.perCustomerLimit;
	}

	public void setPerCustomerLimit(Integer perCustomerLimit) {
		this.perCustomerLimit = perCustomerLimit;
	}

	public Coupon.Scope getScope() {
		return this.scope;
	}

	public void setScope(Coupon.Scope scope) {
		this.scope = scope;
	}

	public String getProductHandles() {
		return this.productHandles;
	}

	public void setProductHandles(String productHandles) {
		this.productHandles = productHandles;
	}

	public List<Long> getCategoryIds() {
		return this.categoryIds;
	}

	public void setCategoryIds(List<Long> categoryIds) {
		this.categoryIds = categoryIds;
	}

	public Coupon.Stacking getStacking() {
		return this.stacking;
	}

	public void setStacking(Coupon.Stacking stacking) {
		this.stacking = stacking;
	}

	public Coupon.RefundRule getRefundRule() {
		return this.refundRule;
	}

	public void setRefundRule(Coupon.RefundRule refundRule) {
		this.refundRule = refundRule;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
