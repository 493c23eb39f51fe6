package dev.kyra.face.console;

import dev.kyra.profile.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The console answers a case that does not exist with a page, not a face's JSON. */
@ControllerAdvice(basePackageClasses = ConsoleController.class)
@Order(0)
class ConsoleErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "console/not-found";
    }
}
