package io.marketgate.server.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

class ScopeInterceptorTest {

    static class Unannotated {
        public void handle() {}
    }

    @RequiresScope(Scope.CUSTOMERS_READ)
    static class ReadController {
        public void read() {}

        @RequiresScope(Scope.USAGE_WRITE)
        public void write() {}
    }

    @Test
    void anEndpointWithoutTheAnnotationIsAdminOnly() throws Exception {
        assertThat(ScopeInterceptor.required(handler(new Unannotated(), "handle")))
                .isEqualTo(Scope.ADMIN);
    }

    @Test
    void theClassAnnotationAppliesAndTheMethodsWins() throws Exception {
        assertThat(ScopeInterceptor.required(handler(new ReadController(), "read")))
                .isEqualTo(Scope.CUSTOMERS_READ);
        assertThat(ScopeInterceptor.required(handler(new ReadController(), "write")))
                .isEqualTo(Scope.USAGE_WRITE);
    }

    private static HandlerMethod handler(Object bean, String method) throws NoSuchMethodException {
        return new HandlerMethod(bean, bean.getClass().getMethod(method));
    }
}
