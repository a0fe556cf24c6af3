package io.marketgate.server.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class NotificationQueuesTest {

    @Test
    void regionIsReadFromEveryFormOfAwsQueueUrl() {
        assertThat(NotificationQueues.regionOf("https://sqs.eu-west-1.amazonaws.com/111122223333/q"))
                .isEqualTo(Region.EU_WEST_1);
        assertThat(NotificationQueues.regionOf("https://sqs-fips.us-gov-west-1.amazonaws.com/111122223333/q"))
                .isEqualTo(Region.US_GOV_WEST_1);
        assertThat(NotificationQueues.regionOf("https://ap-northeast-1.queue.amazonaws.com/111122223333/q"))
                .isEqualTo(Region.AP_NORTHEAST_1);
        assertThat(NotificationQueues.regionOf(
                        "https://vpce-0abc-123.sqs.ap-northeast-2.vpce.amazonaws.com/111122223333/q"))
                .isEqualTo(Region.AP_NORTHEAST_2);
    }

    @Test
    void sqsCompatibleEndpointsSignForUsEast1() {
        assertThat(NotificationQueues.regionOf("http://127.0.0.1:9324/000000000000/marketgate-demo-notifications"))
                .isEqualTo(Region.US_EAST_1);
    }
}
