package io.shopops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * ShopOps, the e-commerce operations back office: one application, four modules.
 */
@SpringBootApplication
@Modulithic(systemName = "ShopOps", sharedModules = "shared")
@ConfigurationPropertiesScan
@EnableAsync
public class ShopOpsApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShopOpsApplication.class, args);
	}

}
