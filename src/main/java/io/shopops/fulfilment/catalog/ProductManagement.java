package io.shopops.fulfilment.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.platform.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Creates and changes products, their SKUs and many products at once; checks the rules a
 * form alone cannot and audits every change.
 */
@Service
class ProductManagement {

	static final int MAX_BULK = 500;

	private final ProductRepository products;

	private final CategoryRepository categories;

	private final BrandRepository brands;

	private final AuditLog auditLog;

	private final Inventory inventory;

	ProductManagement(ProductRepository products, CategoryRepository categories, BrandRepository brands,
			AuditLog auditLog, Inventory inventory) {
		this.products = products;
		this.categories = categories;
		this.brands = brands;
		this.auditLog = auditLog;
		this.inventory = inventory;
	}

	/**
	 * Checks the rules that span fields, rows or the database; adds errors to
	 * {@code errors}.
	 */
	@Transactional(readOnly = true)
	void check(ProductForm form, Errors errors) {
		List<VariantForm> kept = form.keptVariants();
		if (kept.isEmpty()) {
			errors.reject("product.variants.required");
		}
		if (form.getCategoryId() != null && !this.categories.existsById(form.getCategoryId())) {
			errors.rejectValue("categoryId", "product.category.unknown");
		}
		if (form.getBrandId() != null && !this.brands.existsById(form.getBrandId())) {
			errors.rejectValue("brandId", "product.brand.unknown");
		}
		if (!foreignVariantIds(form.getId(), form).isEmpty()) {
			errors.reject("product.variant.foreign");
		}
		this.products.idByHandle(Objects.requireNonNullElse(form.getHandle(), ""))
			.filter((id) -> !id.equals(form.getId()))
			.ifPresent((id) -> errors.rejectValue("handle", "product.handle.duplicate"));
		for (String url : form.imageList()) {
			if (!isWebUrl(url) && !ProductImage.isDemoImage(url)) {
				errors.rejectValue("imageUrls", "product.images.invalid", new Object[] { url }, null);
				break;
			}
		}
		String[] names = { form.getOption1Name(), form.getOption2Name(), form.getOption3Name() };
		Set<String> skus = new HashSet<>();
		Set<String> combinations = new HashSet<>();
		for (int i = 0; i < form.getVariants().size(); i++) {
			VariantForm variant = form.getVariants().get(i);
			if (variant.isRemove()) {
				continue;
			}
			String[] values = { variant.getOption1Value(), variant.getOption2Value(), variant.getOption3Value() };
			for (int option = 0; option < 3; option++) {
				if (values[option] != null && names[option] == null) {
					errors.rejectValue("variants[" + i + "].option" + (option + 1) + "Value",
							"product.option.nameMissing");
				}
			}
			if (variant.getSku() != null && !skus.add(variant.getSku())) {
				errors.rejectValue("variants[" + i + "].sku", "product.sku.duplicate");
			}
			if (!combinations.add(variant.optionKey()) && kept.size() > 1) {
				errors.rejectValue("variants[" + i + "].option1Value", "product.option.duplicate");
			}
		}
		for (String taken : this.products.existingSkus(skus, form.getId())) {
			for (int i = 0; i < form.getVariants().size(); i++) {
				if (taken.equals(form.getVariants().get(i).getSku())) {
					errors.rejectValue("variants[" + i + "].sku", "product.sku.taken");
				}
			}
		}
	}

	/**
	 * @throws HandleTakenException when another product took the handle since the check
	 * @throws ForeignVariantException when a SKU row carries the id of another product's
	 * SKU
	 */
	@Transactional
	long create(ProductForm form) {
		requireOwnVariants(null, form);
		long id;
		try {
			id = this.products.insert(form, Descriptions.sanitize(form.getDescription()));
		}
		catch (DuplicateKeyException ex) {
			throw new HandleTakenException();
		}
		writeVariants(id, form);
		this.auditLog.record("PRODUCT_CREATED", "product", form.getHandle(), "title=" + form.getTitle() + ", skus="
				+ form.keptVariants().stream().map(VariantForm::getSku).toList());
		return id;
	}

	/**
	 * Saves the form over the product unless someone else saved it since it was opened.
	 * @throws ObjectOptimisticLockingFailureException when the product changed meanwhile
	 * @throws HandleTakenException when another product took the handle since the check
	 * @throws ForeignVariantException when a SKU row carries the id of a SKU that is not
	 * this product's; nothing is changed then
	 */
	@Transactional
	void update(long id, ProductForm form) {
		ProductDetail before = this.products.find(id).orElseThrow(() -> new ProductNotFoundException(id));
		requireOwnVariants(id, form);
		boolean updated;
		try {
			updated = this.products.update(id, form, Descriptions.sanitize(form.getDescription()));
		}
		catch (DuplicateKeyException ex) {
			throw new HandleTakenException();
		}
		if (!updated) {
			throw new ObjectOptimisticLockingFailureException("product", id);
		}
		writeVariants(id, form);
		ProductDetail after = this.products.find(id).orElseThrow();
		this.auditLog.record("PRODUCT_UPDATED", "product", after.handle(), changes(before, after));
	}

	/**
	 * The ids of kept SKU rows that are not SKUs of the product ({@code null}: a new
	 * product, which has none): a tampered form, since the form only carries ids of the
	 * product's own SKUs.
	 */
	private Set<Long> foreignVariantIds(Long productId, ProductForm form) {
		Set<Long> own = (productId != null) ? this.products.variantIds(productId) : Set.of();
		Set<Long> foreign = new HashSet<>();
		for (VariantForm variant : form.keptVariants()) {
			if (variant.getId() != null && !own.contains(variant.getId())) {
				foreign.add(variant.getId());
			}
		}
		return foreign;
	}

	private void requireOwnVariants(Long productId, ProductForm form) {
		if (!foreignVariantIds(productId, form).isEmpty()) {
			throw new ForeignVariantException();
		}
	}

	private void writeVariants(long productId, ProductForm form) {
		List<VariantForm> kept = form.keptVariants();
		List<Long> keepIds = kept.stream().map(VariantForm::getId).filter(Objects::nonNull).toList();
		this.products.deleteVariantsExcept(productId, keepIds);
		try {
			// free SKUs first so that two variants may swap codes in one save
			for (VariantForm variant : kept) {
				if (variant.getId() != null) {
					VariantForm placeholder = copyWithSku(variant, "~" + variant.getId());
					this.products.updateVariant(productId, 0, placeholder);
				}
			}
			for (int i = 0; i < kept.size(); i++) {
				VariantForm variant = kept.get(i);
				if (variant.getId() != null) {
					this.products.updateVariant(productId, i + 1, variant);
				}
				else {
					long variantId = this.products.insertVariant(productId, i + 1, variant);
					this.inventory.openStock(variantId,
							(variant.getInitialStock() != null) ? variant.getInitialStock() : 0);
				}
			}
		}
		catch (DuplicateKeyException ex) {
			throw new SkuTakenException();
		}
		this.products.refreshSummaries(List.of(productId));
	}

	@Transactional
	BulkResult bulk(BulkAction action, List<Long> ids, BigDecimal value, String tag) {
		List<Long> selected = ids.stream().distinct().limit(MAX_BULK).toList();
		int changed = switch (action) {
			case ACTIVATE -> this.products.setStatus(selected, ProductStatus.ACTIVE);
			case ARCHIVE -> this.products.setStatus(selected, ProductStatus.ARCHIVED);
			case PRICE_PERCENT -> this.products.changePrices(selected, value, null);
			case PRICE_AMOUNT -> this.products.changePrices(selected, null, value);
			case ADD_TAG -> this.products.addTag(selected, tag);
		};
		this.auditLog.record("PRODUCTS_BULK_" + action.name(), "product", null,
				"products=" + this.products.titles(selected) + ((value != null) ? ", value=" + value : "")
						+ ((tag != null) ? ", tag=" + tag : "") + ", changed=" + changed);
		return new BulkResult(selected.size(), changed);
	}

	private static String changes(ProductDetail before, ProductDetail after) {
		List<String> changes = new ArrayList<>();
		compare(changes, "handle", before.handle(), after.handle());
		compare(changes, "title", before.title(), after.title());
		compare(changes, "status", before.status(), after.status());
		compare(changes, "category", before.category(), after.category());
		compare(changes, "brand", before.brand(), after.brand());
		compare(changes, "tags", before.tags(), after.tags());
		compare(changes, "description",
				(before.description() != null) ? before.description().length() + " chars" : null,
				(after.description() != null) ? after.description().length() + " chars" : null);
		compare(changes, "images", before.images().size(), after.images().size());
		compare(changes, "skus", before.variants().stream().map((v) -> v.sku() + "@" + v.price()).toList(),
				after.variants().stream().map((v) -> v.sku() + "@" + v.price()).toList());
		return changes.isEmpty() ? "no change" : String.join("; ", changes);
	}

	private static void compare(List<String> changes, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(field + ": " + before + " -> " + after);
		}
	}

	private static VariantForm copyWithSku(VariantForm variant, String sku) {
		VariantForm copy = new VariantForm();
		copy.setId(variant.getId());
		copy.setSku(sku);
		copy.setPrice(variant.getPrice());
		return copy;
	}

	static boolean isWebUrl(String url) {
		try {
			URI uri = URI.create(url);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * What can be done to many products at once.
	 */
	enum BulkAction {

		ACTIVATE, ARCHIVE, PRICE_PERCENT, PRICE_AMOUNT, ADD_TAG

	}

	record BulkResult(int selected, int changed) {
	}

	/**
	 * Another product took the handle between the check and the save.
	 */
	static class HandleTakenException extends RuntimeException {

		HandleTakenException() {
			super("Handle taken");
		}

	}

	/**
	 * A SKU row of the form names a SKU that is not the product's.
	 */
	static class ForeignVariantException extends RuntimeException {

		ForeignVariantException() {
			super("SKU of another product");
		}

	}

	/**
	 * Another product took one of the SKUs between the check and the save.
	 */
	static class SkuTakenException extends RuntimeException {

		SkuTakenException() {
			super("SKU taken");
		}

	}

}
