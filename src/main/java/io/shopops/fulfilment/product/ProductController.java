package io.shopops.fulfilment.product;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The product catalog.
 */
@Controller
class ProductController {

	@GetMapping("/products")
	String list() {
		return "fulfilment/products/index";
	}

}
