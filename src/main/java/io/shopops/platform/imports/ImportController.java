package io.shopops.platform.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.shopops.platform.CsvCells;
import io.shopops.platform.ImportHandler;
import io.shopops.platform.ImportHandler.ImportField;
import io.shopops.platform.ImportHandler.ImportMode;
import io.shopops.platform.ImportHandler.ImportPolicy;
import io.shopops.platform.ImportHandler.ImportRefusedException;
import io.shopops.platform.imports.ImportJobs.Upload;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import pages and the stable import URLs scripts use: upload ({@code POST
 * /imports/{kind}}), job status ({@code GET /imports/{id}}, HTML or JSON) and the problem
 * report ({@code GET /imports/{id}/errors.csv}).
 */
@Controller
@RequestMapping("/imports")
class ImportController {

	private static final int HISTORY_SIZE = 20;

	private final ImportJobs jobs;

	private final ImportJobStore store;

	private final ImportProperties properties;

	private final MessageSource messages;

	ImportController(ImportJobs jobs, ImportJobStore store, ImportProperties properties, MessageSource messages) {
		this.jobs = jobs;
		this.store = store;
		this.properties = properties;
		this.messages = messages;
	}

	@GetMapping("/{kind:[a-z][a-z-]*}")
	String showUploadForm(@PathVariable String kind, @RequestParam(required = false) Long before, Model model) {
		ImportHandler handler = handler(kind);
		List<ImportJobView> history = this.store.recent(kind, before, HISTORY_SIZE + 1);
		boolean more = history.size() > HISTORY_SIZE;
		List<ImportJobView> shown = more ? history.subList(0, HISTORY_SIZE) : history;
		model.addAttribute("handler", handler);
		model.addAttribute("history", shown);
		model.addAttribute("nextBefore", more ? shown.get(shown.size() - 1).id() : null);
		model.addAttribute("maxMegabytes", this.properties.maxFileSize().toMegabytes());
		model.addAttribute("maxRows", this.properties.maxRows());
		return "platform/imports/upload";
	}

	@PostMapping(path = "/{kind:[a-z][a-z-]*}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> uploadFromScript(@PathVariable String kind,
			@RequestParam("file") List<MultipartFile> files, @RequestParam(defaultValue = "apply") String mode,
			@RequestParam(defaultValue = "all-or-nothing") String policy, @RequestParam Map<String, String> form,
			Principal principal, Locale locale) throws IOException {
		try {
			long id = submit(kind, files, form, mode, policy, principal);
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.header("Location", "/imports/" + id)
				.body(json(this.jobs.find(id).orElseThrow()));
		}
		catch (ImportRefusedException ex) {
			return ResponseEntity.badRequest()
				.body(Map.of("error", ex.code(), "message",
						this.messages.getMessage(ex.code(), ex.args().toArray(), ex.code(), locale)));
		}
	}

	@PostMapping("/{kind:[a-z][a-z-]*}")
	String upload(@PathVariable String kind, @RequestParam(name = "file", required = false) List<MultipartFile> files,
			@RequestParam(defaultValue = "apply") String mode,
			@RequestParam(defaultValue = "all-or-nothing") String policy, @RequestParam Map<String, String> form,
			Principal principal, RedirectAttributes redirect) throws IOException {
		try {
			List<MultipartFile> chosen = (files != null) ? files.stream().filter((file) -> !file.isEmpty()).toList()
					: List.of();
			if (chosen.isEmpty()) {
				throw new ImportRefusedException("import.refused.noFile", List.of());
			}
			long id = submit(kind, chosen, form, mode, policy, principal);
			return "redirect:/imports/" + id;
		}
		catch (ImportRefusedException ex) {
			redirect.addFlashAttribute("error", ex.code());
			redirect.addFlashAttribute("errorArgs", ex.args().toArray());
			return "redirect:/imports/" + kind;
		}
	}

	@GetMapping(path = "/{id:\\d+}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> status(@PathVariable long id) {
		return json(find(id));
	}

	@GetMapping("/{id:\\d+}")
	String show(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		ImportJobView job = find(id);
		model.addAttribute("job", job);
		model.addAttribute("handler", this.jobs.handler(job.kind()).orElse(null));
		model.addAttribute("problemCount", job.finished() ? this.store.problemCount(id) : 0);
		model.addAttribute("warningCount", job.finished() ? this.store.warningCount(id) : 0);
		model.addAttribute("canRerun", job.finished() && this.jobs.canRerun(job));
		return (htmx != null) ? "platform/imports/job :: progress" : "platform/imports/job";
	}

	@PostMapping("/{id:\\d+}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		redirect.addFlashAttribute(this.jobs.cancel(id) ? "message" : "error",
				this.jobs.find(id).map(ImportJobView::finished).orElse(true) ? "flash.import.cancelled"
						: "flash.import.cancelling");
		return "redirect:/imports/" + id;
	}

	@PostMapping("/{id:\\d+}/rerun")
	String rerun(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		find(id);
		return this.jobs.rerun(id, principal.getName()).map((rerun) -> "redirect:/imports/" + rerun).orElseGet(() -> {
			redirect.addFlashAttribute("error", "flash.import.cannotRerun");
			return "redirect:/imports/" + id;
		});
	}

	@GetMapping("/{id:\\d+}/errors.csv")
	void errors(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
		ImportJobView job = find(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename("import-" + job.id() + "-errors.csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		// a byte order mark lets Excel and WPS open the UTF-8 report with Chinese text
		// intact
		writer.write('\uFEFF');
		CsvWriter csv = CsvWriter.builder().build(writer);
		csv.writeRecord(message("import.report.row", locale), message("import.report.column", locale),
				message("import.report.value", locale), message("import.report.problem", locale));
		this.store.forEachProblem(id, (problem) -> {
			String text = this.messages.getMessage(problem.code(), problem.args().toArray(), problem.code(), locale);
			if (problem.warning()) {
				text = this.messages.getMessage("import.report.warning", new Object[] { text }, locale);
			}
			csv.writeRecord(String.valueOf(problem.row()), CsvCells.neutralize(problem.column()),
					CsvCells.neutralize(problem.value()), text);
		});
		csv.flush();
	}

	private long submit(String kind, List<MultipartFile> files, Map<String, String> form, String mode, String policy,
			Principal principal) throws IOException {
		ImportHandler handler = handler(kind);
		ImportMode importMode = switch (mode.strip().toLowerCase(Locale.ROOT)) {
			case "validate" -> ImportMode.VALIDATE;
			case "apply" -> ImportMode.APPLY;
			default -> throw new ImportRefusedException("import.refused.mode", List.of(mode));
		};
		ImportPolicy importPolicy = switch (policy.strip().toLowerCase(Locale.ROOT)) {
			case "all-or-nothing" -> ImportPolicy.ALL_OR_NOTHING;
			case "skip-invalid" -> ImportPolicy.SKIP_INVALID;
			default -> throw new ImportRefusedException("import.refused.policy", List.of(policy));
		};
		Map<String, String> parameters = new LinkedHashMap<>();
		for (ImportField field : handler.fields()) {
			String value = form.get(field.name());
			if (value != null && !value.isBlank()) {
				parameters.put(field.name(), value.strip());
			}
		}
		List<InputStream> contents = new ArrayList<>();
		try {
			List<Upload> uploads = new ArrayList<>();
			for (MultipartFile file : files) {
				InputStream content = file.getInputStream();
				contents.add(content);
				uploads.add(new Upload(file.getOriginalFilename(), file.getSize(), content));
			}
			return this.jobs.submit(handler, uploads, parameters, importMode, importPolicy, principal.getName());
		}
		finally {
			for (InputStream content : contents) {
				content.close();
			}
		}
	}

	private ImportHandler handler(String kind) {
		return this.jobs.handler(kind).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private ImportJobView find(long id) {
		return this.jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static Map<String, Object> json(ImportJobView job) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", job.id());
		json.put("status", job.status().toLowerCase(Locale.ROOT));
		json.put("total", job.total());
		json.put("processed", job.processed());
		json.put("created", job.created());
		json.put("updated", job.updated());
		json.put("unchanged", job.unchanged());
		json.put("failed", job.failed());
		json.put("mode", job.mode().toLowerCase(Locale.ROOT));
		json.put("policy", job.policy().toLowerCase(Locale.ROOT).replace('_', '-'));
		json.put("outcome", job.outcome());
		json.put("fileName", job.fileName());
		json.put("rowsPerSecond", job.rowsPerSecond());
		json.put("errorsUrl", "/imports/" + job.id() + "/errors.csv");
		return json;
	}

}
