package io.shopops.fulfilment.order;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Orders from every sales channel. Until orders arrive the page explains where they come
 * from.
 */
@Controller
class OrderController {

	@GetMapping("/orders")
	String index() {
		return "fulfilment/orders/index";
	}

}
