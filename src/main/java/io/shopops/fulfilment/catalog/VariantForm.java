package io.shopops.fulfilment.catalog;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One SKU row of the product form.
 */
class VariantForm {

	private Long id;

	@NotBlank(message = "{product.sku.required}")
	@Pattern(regexp = "\\S{1,64}", message = "{product.sku.format}")
	private String sku;

	@Size(max = 100, message = "{product.option.size}")
	private String option1Value;

	@Size(max = 100, message = "{product.option.size}")
	private String option2Value;

	@Size(max = 100, message = "{product.option.size}")
	private String option3Value;

	@NotNull(message = "{product.price.required}")
	@DecimalMin(value = "0", message = "{product.price.range}")
	@DecimalMax(value = "99999999.99", message = "{product.price.range}")
	@Digits(integer = 8, fraction = 2, message = "{product.price.digits}")
	private BigDecimal price;

	@DecimalMin(value = "0", message = "{product.price.range}")
	@DecimalMax(value = "99999999.99", message = "{product.price.range}")
	@Digits(integer = 8, fraction = 2, message = "{product.price.digits}")
	private BigDecimal compareAtPrice;

	@DecimalMin(value = "0", message = "{product.price.range}")
	@DecimalMax(value = "99999999.99", message = "{product.price.range}")
	@Digits(integer = 8, fraction = 2, message = "{product.price.digits}")
	private BigDecimal cost;

	@Size(max = 64, message = "{product.barcode.size}")
	private String barcode;

	@Min(value = 0, message = "{product.weight.range}")
	@Max(value = 1_000_000_000, message = "{product.weight.range}")
	private Integer weightGrams;

	@Min(value = 0, message = "{product.stock.range}")
	@Max(value = 1_000_000_000, message = "{product.stock.range}")
	private Integer initialStock;

	private long stock;

	private boolean remove;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getSku() {
		return this.sku;
	}

	public void setSku(String sku) {
		this.sku = (sku != null) ? sku.strip() : null;
	}

	public String getOption1Value() {
		return this.option1Value;
	}

	public void setOption1Value(String option1Value) {
		this.option1Value = blankToNull(option1Value);
	}

	public String getOption2Value() {
		return this.option2Value;
	}

	public void setOption2Value(String option2Value) {
		this.option2Value = blankToNull(option2Value);
	}

	public String getOption3Value() {
		return this.option3Value;
	}

	public void setOption3Value(String option3Value) {
		this.option3Value = blankToNull(option3Value);
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public void setPrice(BigDecimal price) {
		this.price = price;
	}

	public BigDecimal getCompareAtPrice() {
		return this.compareAtPrice;
	}

	public void setCompareAtPrice(BigDecimal compareAtPrice) {
		this.compareAtPrice = compareAtPrice;
	}

	public BigDecimal getCost() {
		return this.cost;
	}

	public void setCost(BigDecimal cost) {
		this.cost = cost;
	}

	public String getBarcode() {
		return this.barcode;
	}

	public void setBarcode(String barcode) {
		this.barcode = blankToNull(barcode);
	}

	public Integer getWeightGrams() {
		return this.weightGrams;
	}

	public void setWeightGrams(Integer weightGrams) {
		this.weightGrams = weightGrams;
	}

	public Integer getInitialStock() {
		return this.initialStock;
	}

	public void setInitialStock(Integer initialStock) {
		this.initialStock = initialStock;
	}

	public long getStock() {
		return this.stock;
	}

	public void setStock(long stock) {
		this.stock = stock;
	}

	public boolean isRemove() {
		return this.remove;
	}

	public void setRemove(boolean remove) {
		this.remove = remove;
	}

	String optionKey() {
		return String.join("\u0000", String.valueOf(this.option1Value), String.valueOf(this.option2Value),
				String.valueOf(this.option3Value));
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
