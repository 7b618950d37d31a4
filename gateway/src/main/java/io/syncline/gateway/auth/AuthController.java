package io.syncline.gateway.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.ProblemType;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges a configured user's credentials for a bearer token. */
@RestController
@Tag(name = "auth")
public class AuthController {

    private final UserDirectory users;
    private final TokenService tokens;

    public AuthController(UserDirectory users, TokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @PostMapping("/api/auth/token")
    @Operation(summary = "Obtain an access token")
    @SecurityRequirements
    public ResponseEntity<TokenResponse> token(@Valid @RequestBody TokenRequest request) {
        UserDirectory.Account account = users.authenticate(request.username(), request.password())
                .orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "Unknown user or wrong password"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens.issue(account));
    }
}
