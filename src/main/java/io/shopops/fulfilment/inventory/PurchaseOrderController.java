package io.shopops.fulfilment.inventory;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Purchase orders: the list (by status and supplier, newest first, paged by seek on the
 * id), a form for the header, the order's page with its lines, receipts and history, and
 * the receiving form. Placing, cancelling and removing a line ask for confirmation.
 */
@Controller
@RequestMapping("/inventory/purchase-orders")
class PurchaseOrderController {

	static final int PAGE_SIZE = 50;

	private final PurchaseOrders orders;

	private final SupplierRepository suppliers;

	private final WarehouseRepository warehouses;

	PurchaseOrderController(PurchaseOrders orders, SupplierRepository suppliers, WarehouseRepository warehouses) {
		this.orders = orders;
		this.suppliers = suppliers;
		this.warehouses = warehouses;
	}

	@GetMapping
	String list(@RequestParam(required = false) PurchaseOrderStatus status,
			@RequestParam(defaultValue = "false") boolean receivable, @RequestParam(required = false) Long supplier,
			@RequestParam(required = false) Long before, Model model) {
		List<PurchaseOrder.Summary> rows = this.orders.list(status, receivable, supplier,
				(before != null) ? before : Long.MAX_VALUE, PAGE_SIZE + 1);
		boolean more = rows.size() > PAGE_SIZE;
		List<PurchaseOrder.Summary> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
		model.addAttribute("orders", shown);
		model.addAttribute("statuses", PurchaseOrderStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("receivable", receivable);
		model.addAttribute("supplier", (supplier != null) ? this.suppliers.find(supplier).orElse(null) : null);
		model.addAttribute("supplierId", supplier);
		model.addAttribute("next", more ? shown.get(shown.size() - 1).id() : null);
		model.addAttribute("paged", before != null);
		model.addAttribute("filtered", status != null || receivable || supplier != null);
		return "fulfilment/inventory/purchase-orders";
	}

	@GetMapping("/new")
	String showCreateForm(@RequestParam(required = false) Long supplier, Model model) {
		PurchaseOrderForm form = new PurchaseOrderForm();
		form.setSupplierId(supplier);
		model.addAttribute("form", form);
		return showForm(null, model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") PurchaseOrderForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = this.orders.create(form);
				redirect.addFlashAttribute("message", "flash.purchaseOrder.created");
				return "redirect:/inventory/purchase-orders/" + id;
			}
			catch (PurchaseOrderException ex) {
				result.reject(ex.messageKey(), ex.args(), null);
			}
		}
		return showForm(null, model);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("lineForm", new PurchaseOrderLineForm());
		return showOrder(id, model);
	}

	@GetMapping("/{id}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		PurchaseOrder order = find(id);
		model.addAttribute("form", PurchaseOrderForm.of(order));
		return showForm(order, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") PurchaseOrderForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.orders.update(id, form);
				redirect.addFlashAttribute("message", "flash.purchaseOrder.updated");
				return "redirect:/inventory/purchase-orders/" + id;
			}
			catch (PurchaseOrderException ex) {
				result.reject(ex.messageKey(), ex.args(), null);
			}
		}
		return showForm(find(id), model);
	}

	@PostMapping("/{id}/lines")
	String setLine(@PathVariable long id, @Valid @ModelAttribute("lineForm") PurchaseOrderLineForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.orders.setLine(id, form);
				redirect.addFlashAttribute("message", "flash.purchaseOrder.lineSet");
				return "redirect:/inventory/purchase-orders/" + id;
			}
			catch (PurchaseOrderException ex) {
				if (ex.messageKey().equals("purchaseOrder.line.sku.unknown")) {
					result.rejectValue("sku", ex.messageKey());
				}
				else {
					result.reject(ex.messageKey(), ex.args(), null);
				}
			}
		}
		return showOrder(id, model);
	}

	@PostMapping("/{id}/lines/{line}/delete")
	String removeLine(@PathVariable long id, @PathVariable long line, RedirectAttributes redirect) {
		return act(id, redirect, "flash.purchaseOrder.lineRemoved", () -> this.orders.removeLine(id, line));
	}

	@PostMapping("/{id}/place")
	String place(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "flash.purchaseOrder.placed", () -> this.orders.place(id));
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "flash.purchaseOrder.cancelled", () -> this.orders.cancel(id));
	}

	@GetMapping("/{id}/receive")
	String showReceiveForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
		PurchaseOrder order = find(id);
		if (!order.status().isReceivable()) {
			redirect.addFlashAttribute("error", "purchaseOrder.transition.illegal.RECEIVED");
			return "redirect:/inventory/purchase-orders/" + id;
		}
		ReceiptForm form = new ReceiptForm();
		model.addAttribute("form", form);
		model.addAttribute("order", order);
		return "fulfilment/inventory/receive";
	}

	@PostMapping("/{id}/receive")
	String receive(@PathVariable long id, @ModelAttribute("form") ReceiptForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			if (result.hasErrors()) {
				throw new PurchaseOrderException("purchaseOrder.receive.number");
			}
			PurchaseOrderStatus status = this.orders.receive(id, form.getQuantities());
			redirect.addFlashAttribute("message", "flash.purchaseOrder.received." + status.name());
			return "redirect:/inventory/purchase-orders/" + id;
		}
		catch (PurchaseOrderException ex) {
			PurchaseOrder order = find(id);
			if (!order.status().isReceivable()) {
				redirect.addFlashAttribute("error", ex.messageKey());
				return "redirect:/inventory/purchase-orders/" + id;
			}
			result.reject(ex.messageKey(), ex.args(), null);
			model.addAttribute("order", order);
			return "fulfilment/inventory/receive";
		}
	}

	private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (PurchaseOrderException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/inventory/purchase-orders/" + id;
	}

	private String showOrder(long id, Model model) {
		model.addAttribute("order", find(id));
		return "fulfilment/inventory/purchase-order";
	}

	private String showForm(PurchaseOrder order, Model model) {
		model.addAttribute("order", order);
		model.addAttribute("suppliers", this.suppliers.findActive());
		model.addAttribute("warehouses",
				this.warehouses.findAll().stream().filter(WarehouseRepository.Warehouse::active).toList());
		return "fulfilment/inventory/purchase-order-form";
	}

	private PurchaseOrder find(long id) {
		return this.orders.find(id).orElseThrow(() -> new PurchaseOrderNotFoundException(id));
	}

}
