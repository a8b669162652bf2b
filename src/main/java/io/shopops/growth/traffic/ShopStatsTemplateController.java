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
 * The downloadable shop statistics template, with English or Chinese headers and an
 * example row. The platforms' own exports import as downloaded; the template is for
 * numbers from anywhere else.
 */
@Controller
class ShopStatsTemplateController {

	@GetMapping("/imports/shop-stats/template.csv")
	void template(@RequestParam(defaultValue = "en") String headers, HttpServletResponse response) throws IOException {
		boolean chinese = headers.startsWith("zh");
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename(chinese ? "shopops-shop-stats-zh.csv" : "shopops-shop-stats-en.csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CsvWriter csv = CsvWriter.builder().build(writer)) {
			csv.writeRecord(chinese ? List.of("日期", "渠道", "访客数", "浏览量", "曝光量", "点击量", "花费", "订单数", "成交金额")
					: List.of("date", "channel", "uv", "pv", "impressions", "clicks", "spend", "orders", "gmv"));
			csv.writeRecord(
					List.of("2026-12-01", "TMALL", "12030", "45210", "380000", "9120", "2350.00", "312", "58230.50"));
		}
	}

}
