package io.shopops.fulfilment.catalog;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.shopops.fulfilment.catalog.ProductFilter.ProductSort;
import io.shopops.fulfilment.catalog.ProductManagement.BulkAction;
import io.shopops.fulfilment.catalog.ProductManagement.BulkResult;
import io.shopops.fulfilment.catalog.ProductManagement.ForeignVariantException;
import io.shopops.fulfilment.catalog.ProductManagement.HandleTakenException;
import io.shopops.fulfilment.catalog.ProductManagement.SkuTakenException;
import io.shopops.platform.BadInputException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalog pages: product list with search, filters, sort and seek paging; create and
 * edit with SKUs; bulk actions with confirmation; CSV export of the filtered list.
 */
@Controller
@RequestMapping("/products")
class ProductController {

	/** The largest price a filter may name: the largest price a SKU may have. */
	static final BigDecimal MAX_PRICE = new BigDecimal("99999999.99");

	private final ProductQuery query;

	private final ProductRepository products;

	private final ProductManagement management;

	private final CategoryRepository categories;

	private final BrandRepository brands;

	private final CatalogExport export;

	ProductController(ProductQuery query, ProductRepository products, ProductManagement management,
			CategoryRepository categories, BrandRepository brands, CatalogExport export) {
		this.query = query;
		this.products = products;
		this.management = management;
		this.categories = categories;
		this.brands = brands;
		this.export = export;
	}

	/**
	 * At most this many SKU rows bind; a row number beyond it (or below 0) is a 400 page,
	 * not a failure.
	 */
	@InitBinder("form")
	void limitSkuRows(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(ProductForm.MAX_VARIANT_ROWS);
	}

	@ModelAttribute("statuses")
	ProductStatus[] statuses() {
		return ProductStatus.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String category, @RequestParam(required = false) String brand,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String minPrice,
			@RequestParam(required = false) String maxPrice, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model) {
		ProductFilter filter = filter(q, status, category, brand, tag, minPrice, maxPrice, sort, model);
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.query.page(filter, after, before));
		model.addAttribute("sorts", ProductSort.values());
		model.addAttribute("categories", this.categories.findAllByOrderByPathAsc());
		model.addAttribute("brands", this.brands.findAllByOrderByNameAsc());
		model.addAttribute("bulkActions", BulkAction.values());
		return "fulfilment/products/list";
	}

	@GetMapping("/export.csv")
	void exportCsv(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String category, @RequestParam(required = false) String brand,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String minPrice,
			@RequestParam(required = false) String maxPrice, @RequestParam(required = false) String headers,
			Locale locale, HttpServletResponse response) throws IOException {
		// a filter the list would ignore with a warning is refused: an export of more
		// than
		// was asked for would be re-imported as if it were the selection
		ProductFilter filter = filter(q, status, category, brand, tag, minPrice, maxPrice, null, null);
		boolean chinese = (headers != null) ? headers.startsWith("zh") : "zh".equals(locale.getLanguage());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename("products.csv").build().toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CsvWriter csv = CsvWriter.builder().build(writer);
		// closed (and so flushed) only on success: when the query fails before the first
		// buffer is sent, the response is still uncommitted and becomes an error page
		// instead of a 200 with a truncated file
		this.export.write(filter, chinese, csv);
		csv.close();
	}

	@GetMapping("/new")
	String showCreateForm(Model model) {
		model.addAttribute("form", ProductForm.empty());
		return form(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ProductForm form, BindingResult result,
			@RequestParam(required = false) String addVariant, Model model, RedirectAttributes redirect) {
		// a new product has no id, whatever the form says: an id would exempt the handle
		// and
		// the SKUs from the duplicate checks against that product
		form.setId(null);
		return save(form, result, addVariant, model, redirect, "flash.product.created",
				() -> this.management.create(form));
	}

	@GetMapping("/{id:\\d+}")
	String showEditForm(@PathVariable long id, Model model) {
		ProductDetail product = this.products.find(id).orElseThrow(() -> new ProductNotFoundException(id));
		model.addAttribute("form", product.toForm());
		model.addAttribute("product", product);
		return form(model);
	}

	@PostMapping("/{id:\\d+}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") ProductForm form, BindingResult result,
			@RequestParam(required = false) String addVariant, Model model, RedirectAttributes redirect) {
		ProductDetail product = this.products.find(id).orElseThrow(() -> new ProductNotFoundException(id));
		form.setId(id);
		model.addAttribute("product", product);
		return save(form, result, addVariant, model, redirect, "flash.product.updated", () -> {
			this.management.update(id, form);
			return id;
		});
	}

	/**
	 * Adds a SKU row and shows the form again, or checks the form and saves it with
	 * {@code save}.
	 */
	private String save(ProductForm form, BindingResult result, String addVariant, Model model,
			RedirectAttributes redirect, String successKey, Supplier<Long> save) {
		if (addVariant != null) {
			form.getVariants().add(new VariantForm());
			return form(model);
		}
		this.management.check(form, result);
		if (result.hasErrors()) {
			return form(model);
		}
		long id;
		try {
			id = save.get();
		}
		catch (SkuTakenException ex) {
			result.reject("product.sku.taken");
			return form(model);
		}
		catch (HandleTakenException ex) {
			result.rejectValue("handle", "product.handle.duplicate");
			return form(model);
		}
		catch (ForeignVariantException ex) {
			result.reject("product.variant.foreign");
			return form(model);
		}
		redirect.addFlashAttribute("message", successKey);
		return "redirect:/products/" + id;
	}

	@PostMapping("/bulk")
	String confirmBulk(@RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(required = false) BulkAction action, @RequestParam(required = false) String value,
			@RequestParam(required = false) String tag, Model model, RedirectAttributes redirect) {
		String problem = bulkProblem(ids, action, value, tag);
		if (problem != null) {
			redirect.addFlashAttribute("error", problem);
			return "redirect:/products";
		}
		model.addAttribute("ids", ids.stream().distinct().toList());
		model.addAttribute("handles", this.products.titles(ids));
		model.addAttribute("action", action);
		model.addAttribute("value", value);
		model.addAttribute("tag", tag);
		return "fulfilment/products/bulk";
	}

	@PostMapping("/bulk/apply")
	String applyBulk(@RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam BulkAction action,
			@RequestParam(required = false) String value, @RequestParam(required = false) String tag,
			RedirectAttributes redirect) {
		String problem = bulkProblem(ids, action, value, tag);
		if (problem != null) {
			redirect.addFlashAttribute("error", problem);
			return "redirect:/products";
		}
		BulkResult result = this.management.bulk(action, ids, decimal(value),
				StringUtils.hasText(tag) ? tag.strip() : null);
		redirect.addFlashAttribute("message", "flash.product.bulk");
		redirect.addFlashAttribute("messageArgs", new Object[] { result.selected(), result.changed() });
		return "redirect:/products";
	}

	private String form(Model model) {
		model.addAttribute("categories", this.categories.findAllByOrderByPathAsc());
		model.addAttribute("brands", this.brands.findAllByOrderByNameAsc());
		return "fulfilment/products/form";
	}

	private static String bulkProblem(List<Long> ids, BulkAction action, String value, String tag) {
		if (ids == null || ids.isEmpty()) {
			return "product.bulk.noSelection";
		}
		if (ids.size() > ProductManagement.MAX_BULK) {
			return "product.bulk.tooMany";
		}
		if (action == null) {
			return "product.bulk.noAction";
		}
		if (action == BulkAction.PRICE_PERCENT || action == BulkAction.PRICE_AMOUNT) {
			BigDecimal change = decimal(value);
			if (change == null || change.scale() > 2 || change.abs().compareTo(new BigDecimal("99999999")) > 0
					|| (action == BulkAction.PRICE_PERCENT && change.compareTo(new BigDecimal("-100")) < 0)) {
				return "product.bulk.valueInvalid";
			}
		}
		if (action == BulkAction.ADD_TAG && (!StringUtils.hasText(tag) || tag.strip().length() > 100)) {
			return "product.bulk.tagInvalid";
		}
		return null;
	}

	private ProductFilter filter(String q, String status, String category, String brand, String tag, String minPrice,
			String maxPrice, String sort, Model model) {
		ProductStatus parsedStatus = parse(status, (text) -> ProductStatus.valueOf(text.toUpperCase(Locale.ROOT)));
		ProductSort parsedSort = parse(sort, (text) -> ProductSort.valueOf(text.toUpperCase(Locale.ROOT)));
		BigDecimal min = priceFilter(minPrice);
		BigDecimal max = priceFilter(maxPrice);
		if ((StringUtils.hasText(minPrice) && min == null) || (StringUtils.hasText(maxPrice) && max == null)) {
			if (model == null) {
				throw new BadInputException("error.badInput.price");
			}
			model.addAttribute("filterWarning", "product.filter.priceInvalid");
		}
		return new ProductFilter(q, parsedStatus, parse(category, Long::valueOf), parse(brand, Long::valueOf), tag, min,
				max, parsedSort);
	}

	private static <T> T parse(String text, java.util.function.Function<String, T> parser) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			return parser.apply(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static BigDecimal decimal(String text) {
		return parse(text, BigDecimal::new);
	}

	/**
	 * A price filter, or {@code null} when the text is none: not a number, negative,
	 * above {@link #MAX_PRICE} or with more than 2 decimals (such as
	 * {@code 1E-999999999}, which the database cannot compare).
	 */
	static BigDecimal priceFilter(String text) {
		BigDecimal price = decimal(text);
		return (price != null && price.signum() >= 0 && price.stripTrailingZeros().scale() <= 2
				&& price.compareTo(MAX_PRICE) <= 0) ? price : null;
	}

}
