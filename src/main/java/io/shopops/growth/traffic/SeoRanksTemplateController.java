package io.shopops.growth.traffic;

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
 * The downloadable SEO rank history template, with English or Chinese headers and example
 * rows.
 */
@Controller
class SeoRanksTemplateController {

	@GetMapping("/imports/seo-ranks/template.csv")
	void template(@RequestParam(defaultValue = "en") String headers, HttpServletResponse response) throws IOException {
		boolean chinese = headers.startsWith("zh");
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename(chinese ? "shopops-seo-ranks-zh.csv" : "shopops-seo-ranks-en.csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CsvWriter csv = CsvWriter.builder().build(writer)) {
			csv.writeRecord(chinese ? List.of("关键词", "日期", "排名", "网址", "搜索量")
					: List.of("keyword", "date", "rank", "url", "search volume"));
			csv.writeRecord(
					List.of("羊绒围巾", "2026-12-01", "4", "https://shop.example.cn/products/cashmere-scarf", "12000"));
			csv.writeRecord(List.of("cashmere scarf", "2026-12-01", "12.5", "", "880"));
		}
	}

}
