package io.shopops.fulfilment.order.web;

import java.io.IOException;
import java.io.InputStream;

import io.shopops.fulfilment.order.web.TrackingUpload.Preview;
import io.shopops.fulfilment.order.web.TrackingUpload.RowFailedException;

import io.shopops.platform.csv.CsvFileException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bulk tracking upload page: upload a CSV, see each row's outcome or problems, then
 * apply it (all rows or none).
 */
@Controller
@RequestMapping("/orders/tracking")
class TrackingUploadController {

	private final TrackingUpload upload;

	TrackingUploadController(TrackingUpload upload) {
		this.upload = upload;
	}

	@ModelAttribute("maxRows")
	int maxRows() {
		return TrackingUpload.MAX_ROWS;
	}

	@GetMapping
	String show() {
		return "fulfilment/orders/tracking";
	}

	@PostMapping
	String preview(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("uploadError", "order.tracking.noFile");
			return "fulfilment/orders/tracking";
		}
		if (file.getSize() > TrackingUpload.MAX_BYTES) {
			model.addAttribute("uploadError", "order.tracking.tooLarge");
			return "fulfilment/orders/tracking";
		}
		byte[] bytes;
		try (InputStream in = file.getInputStream()) {
			bytes = in.readNBytes(TrackingUpload.MAX_BYTES + 1);
		}
		String text;
		try {
			text = TrackingUpload.decode(bytes);
		}
		catch (CsvFileException ex) {
			model.addAttribute("uploadError", ex.code());
			model.addAttribute("uploadErrorArgs", ex.args().toArray());
			return "fulfilment/orders/tracking";
		}
		model.addAttribute("preview", this.upload.preview(text));
		model.addAttribute("fileName", file.getOriginalFilename());
		return "fulfilment/orders/tracking";
	}

	@PostMapping("/apply")
	String apply(@RequestParam(required = false) String content, Model model, RedirectAttributes redirect) {
		if (content == null || content.isBlank() || content.length() > TrackingUpload.MAX_BYTES) {
			model.addAttribute("uploadError", "order.tracking.noFile");
			return "fulfilment/orders/tracking";
		}
		Preview preview;
		try {
			preview = this.upload.apply(content);
		}
		catch (RowFailedException ex) {
			model.addAttribute("preview", this.upload.preview(content));
			model.addAttribute("uploadError", "order.tracking.rowFailed");
			model.addAttribute("uploadErrorArgs", new Object[] { ex.rowNumber(), ex.number() });
			return "fulfilment/orders/tracking";
		}
		if (!preview.applicable()) {
			model.addAttribute("preview", preview);
			return "fulfilment/orders/tracking";
		}
		long shipped = preview.rows().stream().filter((row) -> row.action() == TrackingUpload.Action.SHIP).count();
		redirect.addFlashAttribute("message", "flash.order.trackingApplied");
		redirect.addFlashAttribute("messageArgs", new Object[] { shipped, preview.rows().size() - shipped });
		return "redirect:/orders/tracking";
	}

}
