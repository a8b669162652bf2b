package io.shopops.fulfilment.aftersales.review;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.shopops.platform.NavigationItem;
import io.shopops.platform.NavigationItem.Section;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The downloadable review template, with English or Chinese headers and two example rows
 * (a bad review and a replied one), and the import's menu entry.
 */
@Controller
class ReviewTemplateController {

	@GetMapping("/imports/reviews/template.csv")
	void template(@RequestParam(defaultValue = "en") String headers, HttpServletResponse response) throws IOException {
		boolean chinese = headers.startsWith("zh");
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename(chinese ? "shopops-reviews-zh.csv" : "shopops-reviews-en.csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CsvWriter csv = CsvWriter.builder().build(writer)) {
			csv.writeRecord(chinese ? TemplateColumn.CHINESE_HEADER : TemplateColumn.ENGLISH_HEADER);
			csv.writeRecord(example(Map.of(TemplateColumn.EXTERNAL_ID, "R-1001", TemplateColumn.SKU, "TEE-001-RED-M",
					TemplateColumn.ORDER_NUMBER, "SO-1001", TemplateColumn.RATING, chinese ? "差评" : "2",
					TemplateColumn.BODY, "洗了一次就缩水了", TemplateColumn.AUTHOR, "陈小姐", TemplateColumn.REVIEWED_AT,
					"2026-11-20 10:15:00", TemplateColumn.HIDDEN, chinese ? "否" : "no")));
			csv.writeRecord(example(Map.of(TemplateColumn.EXTERNAL_ID, "R-1002", TemplateColumn.HANDLE, "cotton-tee",
					TemplateColumn.RATING, "5", TemplateColumn.TITLE, "很舒服", TemplateColumn.BODY, "面料柔软，尺码标准",
					TemplateColumn.AUTHOR, "王先生", TemplateColumn.REVIEWED_AT, "2026-11-21 09:00:00",
					TemplateColumn.REPLY, "感谢您的支持！", TemplateColumn.REPLIED_AT, "2026-11-21 12:00:00")));
		}
	}

	private static List<String> example(Map<TemplateColumn, String> values) {
		return Arrays.stream(TemplateColumn.values()).map((column) -> values.getOrDefault(column, "")).toList();
	}

	@Bean
	static NavigationItem reviewImportNavigation() {
		return new NavigationItem(Section.ADMIN, 22, "reviews.nav.import", "/imports/reviews", "upload");
	}

}
