package dev.kyra.face.admin;

import dev.kyra.platform.PlatformNotFoundException;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(basePackageClasses = AdminFace.class)
@Order(0)
class AdminErrorHandler {

    @ExceptionHandler(AdminInputException.class)
    ResponseEntity<Map<String, Object>> invalid(AdminInputException e) {
        return ResponseEntity.unprocessableContent().body(AdminFace.error("validation-error", e.getMessage()));
    }

    @ExceptionHandler(PlatformNotFoundException.class)
    ResponseEntity<Map<String, Object>> platformNotFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(AdminFace.error("not-found", "Platform not found."));
    }
}
