package io.shopops.fulfilment.catalog;

import io.shopops.fulfilment.catalog.importing.CatalogTemplate;

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
 * The downloadable import template, with English or Chinese headers and two example rows
 * (one product, two SKUs).
 */
@Controller
class CatalogTemplateController {

	@GetMapping("/imports/products/template.csv")
	void template(@RequestParam(defaultValue = "en") String headers, HttpServletResponse response) throws IOException {
		boolean chinese = headers.startsWith("zh");
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename(chinese ? "shopops-products-zh.csv" : "shopops-products-en.csv")
					.build()
					.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CsvWriter csv = CsvWriter.builder().build(writer)) {
			csv.writeRecord(chinese ? CatalogTemplate.CHINESE_HEADER : CatalogTemplate.ENGLISH_HEADER);
			csv.writeRecord(example("TEE-001-RED-M", "红色", "59.90", "6901234567892", "120"));
			csv.writeRecord(example("TEE-001-BLK-M", "黑色", "59.90", "6901234567908", "80"));
		}
	}

	private static List<String> example(String sku, String colour, String price, String barcode, String stock) {
		return List.of("tee-001", "纯棉圆领T恤", "<p>100% 新疆长绒棉，亲肤透气。</p>", "服装 > 男装 > T恤", "ShopOps 自营", "夏季,纯棉", "active",
				"纯棉圆领T恤 男款", "透气亲肤的纯棉T恤", "颜色", colour, "尺码", "M", "", "", sku, price, "79.00", "22.50", barcode, "180",
				stock, "https://example.com/images/tee-001.jpg");
	}

}
