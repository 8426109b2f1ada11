-- Reserved for learning_certificates; replaced by the module's schema when it lands.
SELECT 1;
