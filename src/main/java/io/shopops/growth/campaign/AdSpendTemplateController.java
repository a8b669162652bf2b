package io.shopops.growth.campaign;

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
 * The downloadable ad spend template, with English or Chinese headers and an example row.
 * 万相台, 千川 and Google Ads reports import as downloaded (saved as CSV); the template is for
 * the numbers of any other ad platform.
 */
@Controller
class AdSpendTemplateController {

	@GetMapping("/imports/ad-spend/template.csv")
	void template(@RequestParam(defaultValue = "en") String headers, HttpServletResponse response) throws IOException {
		boolean chinese = headers.startsWith("zh");
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename(chinese ? "shopops-ad-spend-zh.csv" : "shopops-ad-spend-en.csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CsvWriter csv = CsvWriter.builder().build(writer)) {
			csv.writeRecord(chinese ? List.of("日期", "推广计划", "推广计划ID", "花费", "展现量", "点击量", "成交笔数", "成交金额")
					: List.of("date", "campaign", "campaign_id", "spend", "impressions", "clicks", "orders", "gmv"));
			csv.writeRecord(List.of("2026-12-01", "双12预热", "", "2350.00", "380000", "9120", "312", "58230.50"));
		}
	}

}
