package io.shopops.growth.content;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Content: the content calendar and livestreams.
 */
@Controller
class ContentController {

	@GetMapping("/content")
	String index() {
		return "growth/content/index";
	}

}
