package io.shopops.growth.content;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The downloadable content metrics template, with English or Chinese headers and an
 * example row.
 */
@Controller
class ContentMetricsTemplateController {

	@GetMapping("/imports/content-metrics/template.csv")
	void template(@RequestParam(defaultValue = "en") String headers, HttpServletResponse response) throws IOException {
		boolean chinese = headers.startsWith("zh");
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename(chinese ? "shopops-content-metrics-zh.csv" : "shopops-content-metrics-en.csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CsvWriter csv = CsvWriter.builder().build(writer)) {
			csv.writeRecord(chinese ? List.of("跟踪码", "日期", "播放量", "点赞", "评论", "分享", "点击")
					: List.of("tracking_code", "date", "views", "likes", "comments", "shares", "clicks"));
			csv.writeRecord(List.of("C7K2M9", "2026-12-01", "12000", "860", "95", "40", "310"));
		}
	}

}
