package io.shopops.fulfilment.inventory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The admin's check that every stock row equals the sums of its ledger movements.
 */
@Controller
class LedgerCheckController {

	private final Inventory inventory;

	LedgerCheckController(Inventory inventory) {
		this.inventory = inventory;
	}

	@GetMapping("/inventory/check")
	String show() {
		return "fulfilment/inventory/check";
	}

	@PostMapping("/inventory/check")
	String run(Model model) {
		model.addAttribute("check", this.inventory.checkLedger());
		return "fulfilment/inventory/check";
	}

}
