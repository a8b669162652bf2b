package io.shopops.fulfilment.aftersales;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * After-sales requests and service tickets. Until requests arrive the page explains what
 * they will be.
 */
@Controller
class AfterSalesController {

	@GetMapping("/after-sales")
	String index() {
		return "fulfilment/after-sales/index";
	}

}
