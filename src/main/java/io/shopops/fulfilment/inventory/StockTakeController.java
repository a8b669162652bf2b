package io.shopops.fulfilment.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.shopops.platform.csv.CsvFileException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Stock-take by CSV: upload a file of counts, look at the differences and problems, then
 * apply (with confirmation) or discard. Open to operators, like adjustments.
 */
@Controller
@RequestMapping("/inventory/stock-take")
class StockTakeController {

	static final int PAGE_SIZE = 50;

	static final int LINES_PAGE_SIZE = 200;

	private final StockTakes stockTakes;

	StockTakeController(StockTakes stockTakes) {
		this.stockTakes = stockTakes;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long before, Model model) {
		List<StockTake> rows = this.stockTakes.list((before != null) ? before : Long.MAX_VALUE, PAGE_SIZE + 1);
		boolean more = rows.size() > PAGE_SIZE;
		List<StockTake> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
		model.addAttribute("stockTakes", shown);
		model.addAttribute("next", more ? shown.get(shown.size() - 1).id() : null);
		model.addAttribute("paged", before != null);
		model.addAttribute("maxRows", StockTakeReader.MAX_ROWS);
		return "fulfilment/inventory/stock-takes";
	}

	@PostMapping
	String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "stockTake.file.required");
			return "redirect:/inventory/stock-take";
		}
		Path temporary = Files.createTempFile("stock-take-", ".csv");
		try {
			file.transferTo(temporary);
			List<StockTakeRow> rows = StockTakeReader.read(temporary);
			long id = this.stockTakes.preview(fileName(file.getOriginalFilename()), rows);
			return "redirect:/inventory/stock-take/" + id;
		}
		catch (CsvFileException ex) {
			redirect.addFlashAttribute("error", ex.code());
			redirect.addFlashAttribute("errorArgs", ex.args().toArray());
			return "redirect:/inventory/stock-take";
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "0") long after, Model model) {
		StockTake take = this.stockTakes.find(id).orElseThrow(() -> new StockTakeNotFoundException(id));
		List<StockTake.Line> lines = this.stockTakes.notableLines(id, after, LINES_PAGE_SIZE + 1);
		boolean more = lines.size() > LINES_PAGE_SIZE;
		List<StockTake.Line> shown = more ? lines.subList(0, LINES_PAGE_SIZE) : lines;
		model.addAttribute("take", take);
		model.addAttribute("lines", shown);
		model.addAttribute("next", more ? shown.get(shown.size() - 1).row() : null);
		model.addAttribute("paged", after > 0);
		return "fulfilment/inventory/stock-take";
	}

	@PostMapping("/{id}/apply")
	String apply(@PathVariable long id, RedirectAttributes redirect) {
		try {
			int changed = this.stockTakes.apply(id);
			redirect.addFlashAttribute("message", "flash.stockTake.applied");
			redirect.addFlashAttribute("messageArgs", new Object[] { changed });
		}
		catch (StockTakeException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
			redirect.addFlashAttribute("errorArgs", ex.args());
		}
		return "redirect:/inventory/stock-take/" + id;
	}

	@PostMapping("/{id}/refresh")
	String refresh(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.stockTakes.refresh(id);
			redirect.addFlashAttribute("message", "flash.stockTake.refreshed");
		}
		catch (StockTakeException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/inventory/stock-take/" + id;
	}

	@PostMapping("/{id}/discard")
	String discard(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.stockTakes.discard(id);
			redirect.addFlashAttribute("message", "flash.stockTake.discarded");
		}
		catch (StockTakeException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/inventory/stock-take/" + id;
	}

	/**
	 * The uploaded file's name without any path, control characters or excess length.
	 */
	static String fileName(String original) {
		String name = StringUtils.hasText(original) ? original : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("\\p{Cntrl}", "").strip();
		if (name.length() > 200) {
			name = name.substring(0, 200);
		}
		return name.isEmpty() ? "stock-take.csv" : name;
	}

}
