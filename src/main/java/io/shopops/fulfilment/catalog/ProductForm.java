package io.shopops.fulfilment.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Creating or editing a product with its SKUs. A bean rather than a record so that
 * variant rows can be added and removed while the form is shown again.
 */
class ProductForm {

	/**
	 * The most SKU rows a form binds: Shopify's limit of variants per product, so that
	 * every imported product can be edited, while a tampered row number cannot make the
	 * binder create millions of rows.
	 */
	static final int MAX_VARIANT_ROWS = 2048;

	private Long id;

	private long version;

	@NotBlank(message = "{product.handle.required}")
	@Pattern(regexp = "[\\p{L}\\p{N}._-]{1,255}", message = "{product.handle.format}")
	private String handle;

	@NotBlank(message = "{product.title.required}")
	@Size(max = 255, message = "{product.title.size}")
	private String title;

	@Size(max = 100_000, message = "{product.description.size}")
	private String description;

	private Long categoryId;

	private Long brandId;

	@Size(max = 1000, message = "{product.tags.size}")
	private String tags;

	@NotNull(message = "{product.status.required}")
	private ProductStatus status = ProductStatus.DRAFT;

	@Size(max = 255, message = "{product.seoTitle.size}")
	private String seoTitle;

	@Size(max = 1000, message = "{product.seoDescription.size}")
	private String seoDescription;

	@Size(max = 100, message = "{product.option.size}")
	private String option1Name;

	@Size(max = 100, message = "{product.option.size}")
	private String option2Name;

	@Size(max = 100, message = "{product.option.size}")
	private String option3Name;

	@Size(max = 20_000, message = "{product.images.size}")
	private String imageUrls;

	@Valid
	private List<VariantForm> variants = new ArrayList<>();

	static ProductForm empty() {
		ProductForm form = new ProductForm();
		form.variants.add(new VariantForm());
		return form;
	}

	/**
	 * Tags as entered: separated by commas (also the Chinese comma), trimmed, without
	 * duplicates.
	 */
	List<String> tagList() {
		if (this.tags == null) {
			return List.of();
		}
		return List.copyOf(new LinkedHashSet<>(Arrays.stream(this.tags.split("[,，]"))
			.map(String::strip)
			.filter((tag) -> !tag.isEmpty())
			.map((tag) -> (tag.length() > 100) ? tag.substring(0, 100) : tag)
			.toList()));
	}

	/**
	 * Image URLs, one per line, in display order.
	 */
	List<String> imageList() {
		if (this.imageUrls == null) {
			return List.of();
		}
		return List.copyOf(new LinkedHashSet<>(
				this.imageUrls.lines().map(String::strip).filter((url) -> !url.isEmpty()).toList()));
	}

	List<VariantForm> keptVariants() {
		return this.variants.stream().filter((variant) -> !variant.isRemove()).toList();
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getHandle() {
		return this.handle;
	}

	public void setHandle(String handle) {
		this.handle = (handle != null) ? handle.strip() : null;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = (title != null) ? title.strip() : null;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public void setCategoryId(Long categoryId) {
		this.categoryId = categoryId;
	}

	public Long getBrandId() {
		return this.brandId;
	}

	public void setBrandId(Long brandId) {
		this.brandId = brandId;
	}

	public String getTags() {
		return this.tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public ProductStatus getStatus() {
		return this.status;
	}

	public void setStatus(ProductStatus status) {
		this.status = status;
	}

	public String getSeoTitle() {
		return this.seoTitle;
	}

	public void setSeoTitle(String seoTitle) {
		this.seoTitle = VariantForm.blankToNull(seoTitle);
	}

	public String getSeoDescription() {
		return this.seoDescription;
	}

	public void setSeoDescription(String seoDescription) {
		this.seoDescription = VariantForm.blankToNull(seoDescription);
	}

	public String getOption1Name() {
		return this.option1Name;
	}

	public void setOption1Name(String option1Name) {
		this.option1Name = VariantForm.blankToNull(option1Name);
	}

	public String getOption2Name() {
		return this.option2Name;
	}

	public void setOption2Name(String option2Name) {
		this.option2Name = VariantForm.blankToNull(option2Name);
	}

	public String getOption3Name() {
		return this.option3Name;
	}

	public void setOption3Name(String option3Name) {
		this.option3Name = VariantForm.blankToNull(option3Name);
	}

	public String getImageUrls() {
		return this.imageUrls;
	}

	public void setImageUrls(String imageUrls) {
		this.imageUrls = imageUrls;
	}

	public List<VariantForm> getVariants() {
		return this.variants;
	}

	public void setVariants(List<VariantForm> variants) {
		this.variants = variants;
	}

}
