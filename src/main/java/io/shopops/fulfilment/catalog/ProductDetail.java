package io.shopops.fulfilment.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A product with its SKUs as the detail page shows it.
 */
record ProductDetail(long id, String handle, String title, String description, Long categoryId, String category,
		Long brandId, String brand, List<String> tags, ProductStatus status, String seoTitle, String seoDescription,
		String option1Name, String option2Name, String option3Name, List<ProductImage> images,
		List<VariantDetail> variants, long version, Instant createdAt, Instant updatedAt) {

	/**
	 * One SKU with its stock on hand across warehouses.
	 */
	record VariantDetail(long id, String sku, String option1Value, String option2Value, String option3Value,
			BigDecimal price, BigDecimal compareAtPrice, BigDecimal cost, String barcode, Integer weightGrams,
			long stock) {
	}

	ProductForm toForm() {
		ProductForm form = new ProductForm();
		form.setId(this.id);
		form.setVersion(this.version);
		form.setHandle(this.handle);
		form.setTitle(this.title);
		form.setDescription((this.description != null) ? Descriptions.readable(this.description) : null);
		form.setCategoryId(this.categoryId);
		form.setBrandId(this.brandId);
		form.setTags(String.join(", ", this.tags));
		form.setStatus(this.status);
		form.setSeoTitle(this.seoTitle);
		form.setSeoDescription(this.seoDescription);
		form.setOption1Name(this.option1Name);
		form.setOption2Name(this.option2Name);
		form.setOption3Name(this.option3Name);
		form.setImageUrls(String.join("\n", this.images.stream().map(ProductImage::url).toList()));
		for (VariantDetail variant : this.variants) {
			VariantForm row = new VariantForm();
			row.setId(variant.id());
			row.setSku(variant.sku());
			row.setOption1Value(variant.option1Value());
			row.setOption2Value(variant.option2Value());
			row.setOption3Value(variant.option3Value());
			row.setPrice(variant.price());
			row.setCompareAtPrice(variant.compareAtPrice());
			row.setCost(variant.cost());
			row.setBarcode(variant.barcode());
			row.setWeightGrams(variant.weightGrams());
			row.setStock(variant.stock());
			form.getVariants().add(row);
		}
		return form;
	}

}
