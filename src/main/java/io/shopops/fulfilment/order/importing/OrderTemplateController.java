package io.shopops.fulfilment.order.importing;

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
 * The downloadable order template, with English or Chinese headers and example rows (a
 * completed order of two lines and a paid one), and the import's menu entry.
 */
@Controller
class OrderTemplateController {

	@GetMapping("/imports/orders/template.csv")
	void template(@RequestParam(defaultValue = "en") String headers, HttpServletResponse response) throws IOException {
		boolean chinese = headers.startsWith("zh");
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename(chinese ? "shopops-orders-zh.csv" : "shopops-orders-en.csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CsvWriter csv = CsvWriter.builder().build(writer)) {
			csv.writeRecord(chinese ? TemplateColumn.CHINESE_HEADER : TemplateColumn.ENGLISH_HEADER);
			csv.writeRecord(example(Map.ofEntries(Map.entry(TemplateColumn.NUMBER, "SO-1001"),
					Map.entry(TemplateColumn.STATUS, chinese ? "已完成" : "completed"),
					Map.entry(TemplateColumn.PLACED_AT, "2026-11-11 00:05:00"),
					Map.entry(TemplateColumn.PAID_AT, "2026-11-11 00:06:00"),
					Map.entry(TemplateColumn.SHIPPED_AT, "2026-11-11 18:00:00"),
					Map.entry(TemplateColumn.COMPLETED_AT, "2026-11-15 10:00:00"),
					Map.entry(TemplateColumn.CUSTOMER_NAME, "陈小姐"),
					Map.entry(TemplateColumn.CUSTOMER_PHONE, "138****5678"), Map.entry(TemplateColumn.SHIP_NAME, "陈小姐"),
					Map.entry(TemplateColumn.PROVINCE, "浙江省"), Map.entry(TemplateColumn.CITY, "杭州市"),
					Map.entry(TemplateColumn.DISTRICT, "西湖区"), Map.entry(TemplateColumn.ADDRESS, "文三路 100 号"),
					Map.entry(TemplateColumn.SKU, "TEE-001-RED-M"), Map.entry(TemplateColumn.TITLE, "纯棉圆领T恤 红色 M"),
					Map.entry(TemplateColumn.QUANTITY, "2"), Map.entry(TemplateColumn.UNIT_PRICE, "59.90"),
					Map.entry(TemplateColumn.LINE_DISCOUNT, "10.00"), Map.entry(TemplateColumn.SHIPPING_FEE, "8.00"),
					Map.entry(TemplateColumn.CURRENCY, "CNY"), Map.entry(TemplateColumn.UTM_SOURCE, "xiaohongshu"),
					Map.entry(TemplateColumn.UTM_MEDIUM, "social"), Map.entry(TemplateColumn.UTM_CAMPAIGN, "double11"),
					Map.entry(TemplateColumn.CARRIER, "顺丰速运"),
					Map.entry(TemplateColumn.TRACKING_NUMBER, "SF1234567890"))));
			csv.writeRecord(example(
					Map.of(TemplateColumn.NUMBER, "SO-1001", TemplateColumn.SKU, "TEE-001-BLK-M", TemplateColumn.TITLE,
							"纯棉圆领T恤 黑色 M", TemplateColumn.QUANTITY, "1", TemplateColumn.UNIT_PRICE, "59.90")));
			csv.writeRecord(example(Map.of(TemplateColumn.NUMBER, "SO-1002", TemplateColumn.STATUS,
					chinese ? "已付款" : "paid", TemplateColumn.PLACED_AT, "2026-12-01 20:30:00", TemplateColumn.SKU,
					"TEE-001-RED-M", TemplateColumn.QUANTITY, "1", TemplateColumn.UNIT_PRICE, "59.90")));
		}
	}

	private static List<String> example(Map<TemplateColumn, String> values) {
		return Arrays.stream(TemplateColumn.values()).map((column) -> values.getOrDefault(column, "")).toList();
	}

	@Bean
	static NavigationItem orderImportNavigation() {
		return new NavigationItem(Section.ADMIN, 21, "nav.orderImport", "/imports/orders", "upload");
	}

}
